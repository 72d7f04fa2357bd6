import Foundation
import TestSupport
import Testing

@testable import Operations
@testable import Store

/// What a notice says depends on who called the evening off: the mairie that declined gets an
/// acknowledgement, the one whose evening the organiser cancelled an apology; the team gets its
/// own message, never a copy in the mairie's `To:`.
struct NoticeWordingTests {
    private func bodies(_ database: Database, rules: [String]) throws -> [String: (to: [String], body: String)] {
        let outbox = OutboxStore(database)
        var found: [String: (to: [String], body: String)] = [:]
        for entry in try outbox.list(statuses: [.queued]) where rules.contains(entry.rule) {
            let parsed = try ParsedMessage.parse(try #require(try outbox.message(id: entry.id)).message, calendar: true)
            #expect(parsed.defects.isEmpty)
            found[entry.rule] = (parsed.to.map { $0[1] }, try #require(parsed.body))
        }
        return found
    }

    @Test func theMairieThatDeclinedIsNotAskedToExcuseAnything() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let database = try PlanFixture.database(at: scratch.file("t.db"))
        let scheduler = ReminderScheduler(policy: try Fixtures.shippedPolicy(), composer: try Fixtures.composer())
        let start = PlanFixture.importedAt + 60
        try scheduler.tick(database, at: start)
        let outbox = OutboxStore(database)
        while let message = try outbox.claimNext(at: start) { try outbox.markSent(id: message.id, at: start) }

        let events = EventStore(database)
        try events.decline(id: ReminderSchedulerTests.e1, reason: "salle prise", actor: "test", at: start + 60)
        try events.confirm(id: ReminderSchedulerTests.e2, reason: "accord", actor: "test", at: start + 60)
        try events.cancel(id: ReminderSchedulerTests.e2, reason: "camion en panne", actor: "test", at: start + 120)
        let report = try scheduler.tick(database, at: start + 180)
        #expect(
            Set(report.queued.map(\.rule)) == ["refus", "annulation", "annulation-equipe"],
            "\(report.queued)")
        let found = try bodies(database, rules: ["refus", "annulation", "annulation-equipe"])
        let declined = try #require(found["refus"])
        #expect(declined.to == ["mairie@landricourt.example.org"])
        #expect(
            declined.body.contains("Nous avons bien noté que la commune ne peut pas accueillir la soirée proposée\nle samedi 15 mai 2027."))
        #expect(!declined.body.contains("excuser") && !declined.body.contains("regret"))
        let cancelled = try #require(found["annulation"])
        #expect(cancelled.to == ["mairie@voillecomte.example.org"])
        #expect(cancelled.body.contains("Nous vous prions de nous excuser pour ce changement."))
        let team = try #require(found["annulation-equipe"])
        #expect(team.to == ["equipe@guinguette.example.org"])
        #expect(team.body.contains("La mairie de Voillecomte reçoit son avis par un message à part."))
    }

    /// A policy that writes one message to the mairie and the team together is refused.
    @Test func aRuleForBothGroupsIsRefused() {
        let text = #"""
            {"rules": [
            {"name": "avis", "trigger": "cancelled", "recipients": ["mairie", "staff"], "template": "annulation", "statuses": ["cancelled"], "until": "start"}]}
            """#
        #expect(throws: ConfigurationError.self) { try ReminderPolicy.parse(text, file: "reminders.json") }
        do { _ = try ReminderPolicy.parse(text, file: "reminders.json") } catch {
            #expect(
                error.description
                    == "reminders.json:2 : clé « rules[0].recipients » : mairie et staff ensemble ; un message va à un seul groupe : écrivez une règle pour chacun"
            )
        }
    }
}
