import Foundation
import TestSupport
import Testing

/// Evenings moved, cancelled and withdrawn through the real `tournee` commands, told by the real
/// `tourneed` through its maildir transport: each mairie that knew the evening gets exactly one
/// notice, the move naming the date it knew; an evening withdrawn before its mairie heard of it
/// sends nothing.
@Suite(.serialized) struct DaemonNoticeTests {
    static let e1 = ReminderSchedulerTests.e1, e2 = ReminderSchedulerTests.e2, e3 = ReminderSchedulerTests.e3
    static let added = "guinguette-2027-51315-2"

    /// Runs `tournee arguments` on the scratch database at the Paris instant `now`.
    private func tournee(_ arguments: [String], at now: String, in scratch: TemporaryDirectory) throws -> ChildRun.Result {
        let result = try ChildRun.toEnd(
            executable: try BuiltProgram.path("tournee"), arguments: arguments + ["--db", scratch.file("t.db")],
            environment: ["PATH": "/usr/bin:/bin", "TOURNEE_NOW": now, "USER": "anne"])
        #expect(result.status == 0, "\(arguments): \(String(decoding: result.stderr, as: UTF8.self))")
        return result
    }

    /// The small plan with the first evening on 16 May (as moved), the third left out and, when
    /// `adding`, a second evening at Landricourt on 12 June.
    private func replanned(adding: Bool) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: PlanFixture.smallPlan))
        guard var plan = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            var events = plan["events"] as? [[String: Any]]
        else { throw SupportError("plan-small.json is not a plan") }
        func dated(_ event: [String: Any], id: String, on day: String) -> [String: Any] {
            var copy = event
            copy["id"] = id
            copy["date"] = day
            copy["start"] = "\(day)T18:30:00+02:00"
            copy["end"] = "\(day)T23:30:00+02:00"
            return copy
        }
        let first = events[0]
        events = [dated(first, id: Self.e1, on: "2027-05-16"), events[1]]
        if adding { events.append(dated(first, id: Self.added, on: "2027-06-12")) }
        plan["events"] = events
        return String(decoding: try JSONSerialization.data(withJSONObject: plan, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func movedCancelledAndWithdrawnEveningsAreToldOnceEach() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let maildir = scratch.file("maildir")
        let configuration = try TestConfiguration.write(in: scratch, port: try LoopbackPort.free())
        func tick(_ instant: String) throws {
            let result = try DaemonProcess.run(
                ["--config", configuration, "--once", "--now", instant, "--transport", "maildir:" + maildir], scratch: scratch)
            #expect(result.status == 0, "\(instant): \(result.stderr)")
        }
        let march1 = "2027-03-01T09:00:00+01:00"
        _ = try tournee(["db", "init"], at: march1, in: scratch)
        _ = try tournee(["schedule", "import", PlanFixture.smallPlan, "--no-season"], at: march1, in: scratch)
        try tick("2027-03-01T10:00:00+01:00")

        // The next day: one evening moved, one cancelled, then a re-plan that withdraws the
        // third and adds a fourth, and another that withdraws the fourth before any tick.
        let march2 = "2027-03-02T09:00:00+01:00"
        _ = try tournee(["event", "move", Self.e1, "--date", "2027-05-16", "--reason", "fête du village"], at: march2, in: scratch)
        _ = try tournee(["event", "cancel", Self.e2, "--reason", "travaux sur la place"], at: march2, in: scratch)
        let withFourth = try scratch.write(try replanned(adding: true), to: "plan-2.json")
        _ = try tournee(["schedule", "import", withFourth, "--no-season"], at: march2, in: scratch)
        let withoutFourth = try scratch.write(try replanned(adding: false), to: "plan-3.json")
        _ = try tournee(["schedule", "import", withoutFourth, "--no-season"], at: march2, in: scratch)
        let history = try tournee(["event", "history", Self.e3], at: march2, in: scratch)
        #expect(String(decoding: history.stdout, as: UTF8.self).contains("withdrawn → retirée du plan"))
        let movedHistory = try tournee(["event", "history", Self.e1], at: march2, in: scratch)
        #expect(String(decoding: movedHistory.stdout, as: UTF8.self).contains("moved → proposée 2027-05-15 18:30 → 2027-05-16 18:30"))

        try tick("2027-03-02T10:00:00+01:00")
        try tick("2027-03-03T10:00:00+01:00")

        let messages = try PythonPeer.json([ParsedMessage].self, "parse_message.py", [maildir, "--calendar"])
        let ids = messages.map(\.message_id).sorted()
        let expected = [
            "\(Self.e1).demande-accord.s0", "\(Self.e1).nouvelle-date.s1", "\(Self.e2).annulation.s0",
            "\(Self.e2).demande-accord.s0", "\(Self.e3).demande-accord.s0", "\(Self.e3).retrait.s0",
        ].map { "<\($0)@guinguette.example.org>" }
        #expect(ids == expected.sorted())
        #expect(!ids.contains { $0.contains(Self.added) })

        let byID = Dictionary(uniqueKeysWithValues: messages.map { ($0.message_id, $0) })
        let move = try #require(byID["<\(Self.e1).nouvelle-date.s1@guinguette.example.org>"])
        #expect(
            move.subject == "La Guinguette mobile 2027 : la soirée du samedi 15 mai 2027 à Landricourt est déplacée au dimanche 16 mai 2027"
        )
        #expect(move.attachments.first?.calendar?.events.first?.sequence == 1)
        let withdrawal = try #require(byID["<\(Self.e3).retrait.s0@guinguette.example.org>"])
        #expect(withdrawal.to.map { $0[1] } == ["mairie@allichamps.example.org", "equipe@guinguette.example.org"])
        #expect(withdrawal.attachments.first?.calendar?.method == "CANCEL")
        #expect(withdrawal.attachments.first?.calendar?.events.first?.status == "CANCELLED")
    }
}
