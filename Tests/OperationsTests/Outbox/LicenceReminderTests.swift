import CivilTime
import Foundation
import Planning
import TestSupport
import Testing

@testable import Operations
@testable import Store

/// The team is reminded ten days before a confirmed evening whose drinks licence is not noted
/// (`licence-manquante`), never for one whose licence was granted, and a reminder waiting when
/// the licence is noted is withdrawn.
struct LicenceReminderTests {
    static let agreed = ReminderSchedulerTests.e1
    static let waiting = ReminderSchedulerTests.e2

    private func tenDaysBefore(_ database: Database, _ id: String) throws -> Int64 {
        let date = try #require(try EventStore(database).event(id: id)).planned.slot.date
        return Int64(ParisTime.instant(on: date.adding(days: -10), at: LocalTime(hour: 9, minute: 0)!).timeIntervalSince1970)
    }

    /// The small season in `scratch`, its first evening confirmed, with the shipped policy.
    private func agreedSeason(_ scratch: TemporaryDirectory) throws -> (Database, ReminderScheduler, EventLifecycle) {
        let database = try PlanFixture.database(at: scratch.file("t.db"))
        let lifecycle = EventLifecycle(database) { try CommuneDirectory.loadShipped() }
        _ = try lifecycle.confirm(id: Self.agreed, reason: "accord", force: false, actor: "anne", at: PlanFixture.importedAt + 60)
        return (database, ReminderScheduler(policy: try Fixtures.shippedPolicy(), composer: try Fixtures.composer()), lifecycle)
    }

    private func licenceReminders(_ database: Database, _ statuses: [OutboxStatus]) throws -> [String] {
        try OutboxStore(database).list(statuses: statuses).filter { $0.rule == "licence-manquante" }.map(\.eventID)
    }

    @Test func aConfirmedEveningWithoutItsLicenceRemindsTheTeamUntilItIsNoted() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-licence")
        defer { scratch.remove() }
        let (database, scheduler, lifecycle) = try agreedSeason(scratch)

        // Not agreed: no licence can be noted, and no licence reminder goes.
        let refused = try #require(throws: LifecycleError.self) {
            try lifecycle.recordLicence(
                id: Self.waiting, grantedOn: CivilDate(iso: "2027-05-01")!, reason: "arrêté", actor: "anne", at: PlanFixture.importedAt)
        }
        #expect(
            refused.lines == [
                "\(Self.waiting) : soirée proposée ; la licence se demande pour une soirée confirmée (tournee event confirm) ; rien n'a changé"
            ])
        let due = try tenDaysBefore(database, Self.agreed)
        _ = try scheduler.tick(database, at: due)
        #expect(try licenceReminders(database, [.queued]) == [Self.agreed])
        let message = try #require(
            try OutboxStore(database).list(statuses: [.queued]).first { $0.rule == "licence-manquante" })
        #expect(message.recipients == ["equipe@guinguette.example.org"])

        // Noted before it leaves: withdrawn at the next tick, and not decided again.
        try lifecycle.recordLicence(
            id: Self.agreed, grantedOn: CivilDate(iso: "2027-05-04")!, reason: "arrêté reçu", actor: "anne", at: due + 30)
        let report = try scheduler.tick(database, at: due + 60)
        #expect(report.superseded.map(\.rule).contains("licence-manquante"))
        #expect(try licenceReminders(database, [.queued]).isEmpty)
        #expect(try LicenceGrantStore(database).grantedOn(eventID: Self.agreed)?.description == "2027-05-04")
        _ = try scheduler.tick(database, at: due + 86_400)
        #expect(try licenceReminders(database, [.queued, .sent]).isEmpty)
    }

    @Test func aLicenceNotedInTimeSendsNoReminder() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-licence")
        defer { scratch.remove() }
        let (database, scheduler, lifecycle) = try agreedSeason(scratch)
        try lifecycle.recordLicence(
            id: Self.agreed, grantedOn: CivilDate(iso: "2027-04-20")!, reason: "arrêté reçu", actor: "anne",
            at: PlanFixture.importedAt + 120)
        _ = try scheduler.tick(database, at: try tenDaysBefore(database, Self.agreed))
        #expect(try licenceReminders(database, []).isEmpty)
    }
}
