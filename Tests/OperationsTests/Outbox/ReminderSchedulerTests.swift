import CivilTime
import Foundation
import TestSupport
import Testing

@testable import Operations
@testable import Store

struct ReminderSchedulerTests {
    static let e1 = "guinguette-2027-51315-printemps-1"
    static let e2 = "guinguette-2027-52543-printemps-1"
    static let e3 = "guinguette-2027-52006-printemps-1"

    private func keys(_ pairs: [(String, String)], sequence: Int = 0) -> [OutboxKey] {
        pairs.map { OutboxKey(eventID: $0.0, rule: $0.1, eventVersion: sequence) }
    }

    private func names(_ entries: [OutboxEntry]) -> [String] { entries.map { "\($0.eventID) \($0.rule) s\($0.eventVersion)" } }

    /// The small plan's database in `scratch`, and a scheduler with the shipped policy.
    private func smallSeason(in scratch: TemporaryDirectory) throws -> (Database, ReminderScheduler) {
        (
            try PlanFixture.database(at: scratch.file("t.db")),
            ReminderScheduler(policy: try Fixtures.shippedPolicy(), composer: try Fixtures.composer())
        )
    }

    /// Does what the dispatcher does with a transport that accepts everything: every due message sent.
    private func sendDue(_ database: Database, at now: Int64) throws {
        let outbox = OutboxStore(database)
        while let message = try outbox.claimNext(at: now) { try outbox.markSent(id: message.id, at: now) }
    }

    @Test(arguments: [("date", "2027-02-30"), ("local_start", "25:99"), ("status", "bogus")])
    func aRowWrittenPastTheSchemaIsRefusedAloneAndTheTickGoesOn(column: String, value: String) throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let database = try PlanFixture.database(at: scratch.file("t.db"))
        // Another tool writes the row with the CHECK constraints off.
        try database.execute("PRAGMA ignore_check_constraints=1")
        try database.execute("UPDATE events SET \(column) = ? WHERE id = ?", [value, Self.e2])
        try database.execute("PRAGMA ignore_check_constraints=0")
        let scheduler = ReminderScheduler(policy: try Fixtures.shippedPolicy(), composer: try Fixtures.composer())
        let report = try scheduler.tick(database, at: PlanFixture.importedAt + 60)
        #expect(report.queued == keys([(Self.e1, "demande-accord"), (Self.e3, "demande-accord")]))
        let failure = try #require(report.failures.first)
        #expect(report.failures.count == 1)
        guard case .unreadableEvent(let row) = failure else {
            Issue.record("unexpected \(failure)")
            return
        }
        #expect(row.table == "events" && row.rowID == Self.e2 && row.column == column && row.found == value)
        #expect(
            failure.description.hasPrefix(
                "événement \(Self.e2) ignoré : table events, ligne « \(Self.e2) », colonne \(column) : trouvé « \(value) », attendu "))
    }

    @Test func aSeasonIsDecidedOnceQueuedMovedAndCancelled() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let database = try PlanFixture.database(at: scratch.file("t.db"))
        let scheduler = ReminderScheduler(policy: try Fixtures.shippedPolicy(), composer: try Fixtures.composer())
        let start = PlanFixture.importedAt + 60

        // Just imported: every proposed evening gets its request for agreement, once.
        var report = try scheduler.tick(database, at: start)
        #expect(report.queued == keys([(Self.e1, "demande-accord"), (Self.e2, "demande-accord"), (Self.e3, "demande-accord")]))
        #expect(report.failures.isEmpty && report.skipped.isEmpty && report.superseded.isEmpty)
        try sendDue(database, at: start)
        report = try scheduler.tick(database, at: start)
        #expect(report.queued.isEmpty)

        // The first evening is confirmed; the daemon was down until 8 May 09:00 Paris.
        try EventStore(database).confirm(id: Self.e1, reason: "accord", actor: "test", at: start + 60)
        let may8 = Fixtures.instant("2027-05-08T07:00:00Z")
        report = try scheduler.tick(database, at: may8)
        #expect(
            report.queued
                == keys([
                    (Self.e1, "j-15"), (Self.e1, "licence-manquante"), (Self.e1, "j-7"), (Self.e2, "j-30"), (Self.e2, "sans-reponse"),
                    (Self.e2, "sans-accord"),
                    (Self.e3, "j-30"), (Self.e3, "sans-reponse"), (Self.e3, "sans-accord"),
                ]))
        #expect(report.superseded.isEmpty)
        // The licence request was due at J-30 and stops making sense before the filing deadline:
        // after the downtime it is skipped; the evenings still not agreed alert the team instead,
        // and the planners, their mairies silent ten days after the request.
        #expect(names(report.skipped) == ["\(Self.e1) j-15 s0", "\(Self.e2) j-30 s0", "\(Self.e3) j-30 s0"])
        #expect(report.skipped.allSatisfy { $0.status == .skipped })

        // Moving the evening withdraws what was queued for the old date and decides again; its
        // mairie had the request for agreement, so it is told of the move.
        try EventStore(database).move(
            id: Self.e1,
            to: EventSlot(
                date: "2027-05-16", localStart: "18:30", localEnd: "23:30",
                startsAt: Fixtures.instant("2027-05-16T16:30:00Z"), endsAt: Fixtures.instant("2027-05-16T21:30:00Z")),
            reason: "fête", actor: "test", at: may8 + 60)
        report = try scheduler.tick(database, at: may8 + 120)
        #expect(names(report.superseded) == ["\(Self.e1) licence-manquante s0", "\(Self.e1) j-7 s0"])
        #expect(
            report.queued
                == keys(
                    [(Self.e1, "j-15"), (Self.e1, "licence-manquante"), (Self.e1, "nouvelle-date"), (Self.e1, "nouvelle-date-equipe")],
                    sequence: 1))

        // Cancelling the second evening withdraws the alerts and queues the notice.
        try EventStore(database).cancel(id: Self.e2, reason: "pluie", actor: "test", at: may8 + 180)
        report = try scheduler.tick(database, at: may8 + 240)
        #expect(names(report.superseded) == ["\(Self.e2) sans-reponse s0", "\(Self.e2) sans-accord s0"])
        #expect(report.queued == keys([(Self.e2, "annulation"), (Self.e2, "annulation-equipe")]))
        let outbox = OutboxStore(database)
        #expect(
            try outbox.list(statuses: [.queued]).map { "\($0.eventID) \($0.rule) s\($0.eventVersion)" }
                == [
                    "\(Self.e3) sans-reponse s0", "\(Self.e3) sans-accord s0", "\(Self.e1) licence-manquante s1",
                    "\(Self.e1) nouvelle-date s1",
                    "\(Self.e1) nouvelle-date-equipe s1",
                    "\(Self.e2) annulation s0", "\(Self.e2) annulation-equipe s0",
                ])
    }

    /// A re-plan that moves and withdraws announced evenings: one notice each, the move naming
    /// the date the mairie knew; an evening withdrawn before its mairie heard of it sends
    /// nothing; an evening proposed again after its withdrawal notice is asked for again.
    @Test func aReplanTellsEachMairieOnceAndOnlyWhatItKnew() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let (database, scheduler) = try smallSeason(in: scratch)
        let events = EventStore(database)
        let start = PlanFixture.importedAt + 60
        try scheduler.tick(database, at: start)
        try sendDue(database, at: start)
        let planned = try [Self.e1, Self.e2, Self.e3].map { try #require(try events.event(id: $0)).planned }

        // The re-plan drops the first evening, moves the second by a day and adds a fourth.
        var moved = planned[1]
        moved.slot = EventSlot(
            date: "2027-05-21", localStart: "18:30", localEnd: "23:30",
            startsAt: Fixtures.instant("2027-05-21T16:30:00Z"), endsAt: Fixtures.instant("2027-05-21T21:30:00Z"))
        var added = planned[0]
        added.id = "guinguette-2027-51315-2"
        added.slot = EventSlot(
            date: "2027-06-12", localStart: "18:30", localEnd: "23:30",
            startsAt: Fixtures.instant("2027-06-12T16:30:00Z"), endsAt: Fixtures.instant("2027-06-12T21:30:00Z"))
        try events.importPlan([moved, planned[2], added], seasonID: "guinguette-2027", reason: "re-plan", actor: "test", at: start + 60)
        var report = try scheduler.tick(database, at: start + 120)
        #expect(
            report.queued == [
                OutboxKey(eventID: Self.e1, rule: "retrait", eventVersion: 0),
                OutboxKey(eventID: Self.e1, rule: "retrait-equipe", eventVersion: 0),
                OutboxKey(eventID: Self.e2, rule: "nouvelle-date", eventVersion: 1),
                OutboxKey(eventID: Self.e2, rule: "nouvelle-date-equipe", eventVersion: 1),
                OutboxKey(eventID: added.id, rule: "demande-accord", eventVersion: 0),
            ])
        let outbox = OutboxStore(database)
        let queued = try outbox.list(statuses: [.queued])
        let notice = try #require(queued.first { $0.rule == "nouvelle-date" })
        #expect(
            notice.subject
                == "La Guinguette mobile 2027 : la soirée du jeudi 20 mai 2027 à Voillecomte est déplacée au vendredi 21 mai 2027")
        #expect(notice.eveningDate == CivilDate(iso: "2027-05-21"))
        let withdrawal = try #require(queued.first { $0.rule == "retrait" })
        let parsed = try ParsedMessage.parse(try #require(try outbox.message(id: withdrawal.id)).message, calendar: true)
        #expect(parsed.attachments.first?.calendar?.method == "CANCEL")

        // The added evening is dropped before its request left: it is withdrawn, and nothing
        // is said to a mairie that never heard of it.
        try events.importPlan([moved, planned[2]], seasonID: "guinguette-2027", reason: "re-plan", actor: "test", at: start + 180)
        report = try scheduler.tick(database, at: start + 240)
        #expect(names(report.superseded) == ["\(added.id) demande-accord s0"])
        #expect(report.queued.isEmpty)
        try sendDue(database, at: start + 240)
        #expect(try scheduler.tick(database, at: start + 300).queued.isEmpty)

        // The first evening comes back: its calendar revives with a higher sequence, and its
        // mairie, told it was withdrawn, is asked again.
        try events.importPlan(
            [planned[0], moved, planned[2]], seasonID: "guinguette-2027", reason: "re-plan", actor: "test", at: start + 360)
        #expect(try events.event(id: Self.e1)?.sequence == 1)
        report = try scheduler.tick(database, at: start + 420)
        #expect(report.queued == [OutboxKey(eventID: Self.e1, rule: "demande-accord", eventVersion: 1)])
        #expect(
            try outbox.list(statuses: [.sent]).map { "\($0.eventID) \($0.rule) s\($0.eventVersion)" } == [
                "\(Self.e1) demande-accord s0", "\(Self.e2) demande-accord s0", "\(Self.e3) demande-accord s0",
                "\(Self.e1) retrait s0", "\(Self.e1) retrait-equipe s0", "\(Self.e2) nouvelle-date s1",
                "\(Self.e2) nouvelle-date-equipe s1",
            ])
    }

    /// Before any message left: a cancelled evening sends nothing, and a moved one gets its
    /// request for agreement at its new date, not a notice of a date its mairie never had.
    @Test func eveningsNeverAnnouncedAreNotToldOfTheirChanges() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let (database, scheduler) = try smallSeason(in: scratch)
        let events = EventStore(database)
        let start = PlanFixture.importedAt + 60
        try events.cancel(id: Self.e1, reason: "travaux", actor: "test", at: start)
        try events.move(
            id: Self.e2,
            to: EventSlot(
                date: "2027-05-22", localStart: "18:30", localEnd: "23:30",
                startsAt: Fixtures.instant("2027-05-22T16:30:00Z"), endsAt: Fixtures.instant("2027-05-22T21:30:00Z")),
            reason: "fête", actor: "test", at: start)
        let report = try scheduler.tick(database, at: start + 60)
        #expect(
            report.queued == [
                OutboxKey(eventID: Self.e3, rule: "demande-accord", eventVersion: 0),
                OutboxKey(eventID: Self.e2, rule: "demande-accord", eventVersion: 1),
            ])
        let request = try #require(try OutboxStore(database).list(statuses: [.queued]).first { $0.eventID == Self.e2 })
        #expect(request.subject == "La Guinguette mobile 2027 : proposition de soirée à Voillecomte le samedi 22 mai 2027")
    }

    @Test func theThankYouWaitsForTheRecordAndTheStaffReminderStopsWithIt() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let database = try PlanFixture.database(at: scratch.file("t.db"))
        let scheduler = ReminderScheduler(policy: try Fixtures.shippedPolicy(), composer: try Fixtures.composer())
        try EventStore(database).confirm(id: Self.e1, reason: "accord", actor: "test", at: PlanFixture.importedAt + 60)
        // 18 May 2027 08:00 Paris: J+3 after the 15 May evening, before any record.
        let may18 = Fixtures.instant("2027-05-18T06:00:00Z")
        var report = try scheduler.tick(database, at: may18)
        #expect(report.queued.contains(OutboxKey(eventID: Self.e1, rule: "j+1-saisie", eventVersion: 0)))
        #expect(!report.queued.contains { $0.rule == "j+2-merci" })
        try RecordStore(database).record(
            NewEveningRecord(
                eventID: Self.e1, attendance: 85, animations: ["Bal folk"],
                localSpendCents: 123_450, volunteers: 6),
            actor: "camille", at: may18 + 60)
        report = try scheduler.tick(database, at: may18 + 120)
        #expect(names(report.superseded) == ["\(Self.e1) j+1-saisie s0"])
        #expect(report.queued == keys([(Self.e1, "j+2-merci")]))
        let thanks = try #require(try OutboxStore(database).list(statuses: [.queued]).first { $0.rule == "j+2-merci" })
        let message = try #require(try OutboxStore(database).message(id: thanks.id))
        let parsed = try ParsedMessage.parse(message.message, calendar: true)
        let body = try #require(parsed.body)
        #expect(
            body.contains(
                "- participants : 85\n- bénévoles : 6\n- animations : Bal folk\n- dépenses locales : 1\u{202F}234,50\u{00A0}€\n"))
    }

    @Test func aBadContactIsReportedAndOtherEventsGoOn() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let database = try PlanFixture.database(at: scratch.file("t.db"))
        try CommuneStore(database).replaceContacts(
            insee: "51315", with: [MairieContactRecord(name: "Mairie\r\nBcc: x@y.z", email: "mairie@landricourt.example.org")])
        let scheduler = ReminderScheduler(policy: try Fixtures.shippedPolicy(), composer: try Fixtures.composer())
        let report = try scheduler.tick(database, at: PlanFixture.importedAt + 60)
        #expect(report.failures == [.controlCharacter(eventID: Self.e1, field: "contact_mairie")])
        #expect(report.queued == keys([(Self.e2, "demande-accord"), (Self.e3, "demande-accord")]))
    }
}
