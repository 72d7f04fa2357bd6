import Foundation
import TestSupport
import Testing

/// Evenings changed and recorded through the real `tournee` commands, written about by the real
/// `tourneed` through its maildir transport: each mairie that knew the evening gets exactly one
/// notice of a move, cancellation or withdrawal, the move naming the date it knew; an evening
/// withdrawn before its mairie heard of it sends nothing; the staff's reminder gives a command
/// that records the evening, and the thank-you waits for the record and leaves once.
@Suite(.serialized) struct DaemonLifecycleTests {
    static let e1 = ReminderSchedulerTests.e1, e2 = ReminderSchedulerTests.e2, e3 = ReminderSchedulerTests.e3
    static let added = "guinguette-2027-51315-2"

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
        let world = try LifecycleWorld()
        defer { world.scratch.remove() }
        let tournee = world.tournee
        let tick = world.tick
        let scratch = world.scratch
        try tick("2027-03-01T10:00:00+01:00")

        // The next day: one evening moved, one cancelled, then a re-plan that withdraws the
        // third and adds a fourth, and another that withdraws the fourth before any tick.
        let march2 = "2027-03-02T09:00:00+01:00"
        _ = try tournee(["event", "move", Self.e1, "--date", "2027-05-16", "--reason", "fête du village"], march2)
        _ = try tournee(["event", "cancel", Self.e2, "--reason", "travaux sur la place"], march2)
        let withFourth = try scratch.write(try replanned(adding: true), to: "plan-2.json")
        _ = try tournee(["schedule", "import", withFourth, "--no-season"], march2)
        let withoutFourth = try scratch.write(try replanned(adding: false), to: "plan-3.json")
        _ = try tournee(["schedule", "import", withoutFourth, "--no-season"], march2)
        let history = try tournee(["event", "history", Self.e3], march2)
        #expect(String(decoding: history.stdout, as: UTF8.self).contains("withdrawn → retirée du plan"))
        let movedHistory = try tournee(["event", "history", Self.e1], march2)
        #expect(String(decoding: movedHistory.stdout, as: UTF8.self).contains("moved → proposée 2027-05-15 18:30 → 2027-05-16 18:30"))

        try tick("2027-03-02T10:00:00+01:00")
        try tick("2027-03-03T10:00:00+01:00")

        let messages = try world.messages(calendar: true)
        let ids = messages.map(\.message_id).sorted()
        let expected = [
            "\(Self.e1).demande-accord.s0", "\(Self.e1).nouvelle-date.s1", "\(Self.e1).nouvelle-date-equipe.s1",
            "\(Self.e2).annulation.s0", "\(Self.e2).annulation-equipe.s0", "\(Self.e2).demande-accord.s0",
            "\(Self.e3).demande-accord.s0", "\(Self.e3).retrait.s0", "\(Self.e3).retrait-equipe.s0",
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
        #expect(withdrawal.to.map { $0[1] } == ["mairie@allichamps.example.org"])
        let teamNotice = try #require(byID["<\(Self.e3).retrait-equipe.s0@guinguette.example.org>"])
        #expect(teamNotice.to.map { $0[1] } == ["equipe@guinguette.example.org"])
        // The move names the date the mairie knew, and apologises for nothing it did not cause.
        #expect(move.body?.contains("prévue le samedi 15 mai 2027 change de date") == true)
        #expect(move.body?.contains("excuser") == false)
        #expect(withdrawal.attachments.first?.calendar?.method == "CANCEL")
        #expect(withdrawal.attachments.first?.calendar?.events.first?.status == "CANCELLED")
    }

    /// The words of a command line as a shell splits them (double quotes group words).
    private func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
            } else if character == " ", !quoted {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    @Test func theStaffReminderGivesACommandThatRecordsAndTheThankYouLeavesOnce() throws {
        let world = try LifecycleWorld()
        defer { world.scratch.remove() }
        let tournee = world.tournee
        let tick = world.tick
        _ = try tournee(["event", "confirm", Self.e1, "--reason", "accord du maire"], "2027-03-01T09:00:00+01:00")
        let messages = { try world.messages(calendar: false) }

        // The morning after the 15 May evening: the staff are asked to record it, and the
        // thank-you waits for the record.
        try tick("2027-05-16T09:00:00+02:00")
        try tick("2027-05-17T10:00:00+02:00")
        let reminder = try #require(try messages().first { $0.message_id == "<\(Self.e1).j+1-saisie.s0@guinguette.example.org>" })
        #expect(try !messages().contains { $0.message_id.contains("j+2-merci") })
        // Without `http.baseURL` the message gives the command to type on the server.
        let line = try #require(reminder.body?.split(separator: "\n").first { $0.contains(" : tournee record ") })
        let command = words(String(line[try #require(line.range(of: "tournee record ")).lowerBound...]))
        #expect(command.first == "tournee")
        _ = try tournee(Array(command.dropFirst()), "2027-05-17T10:01:00+02:00")

        try tick("2027-05-17T10:05:00+02:00")
        _ = try tournee(["record", Self.e1, "--amend", "--attendance", "135"], "2027-05-17T11:00:00+02:00")
        try tick("2027-05-18T10:00:00+02:00")
        let thanks = try messages().filter { $0.message_id.contains("j+2-merci") }
        #expect(thanks.map(\.message_id) == ["<\(Self.e1).j+2-merci.s0@guinguette.example.org>"])
        #expect(thanks.first?.body?.contains("- participants : 120\n") == true)
    }
}

/// A scratch folder with a database holding the small plan (imported on 1 March 2027 through the
/// real `tournee`), a daemon configuration, and a maildir the daemon delivers into.
private struct LifecycleWorld {
    let scratch: TemporaryDirectory
    let maildir: String
    let configuration: String

    init() throws {
        scratch = try TemporaryDirectory(prefix: "tournee-ops")
        maildir = scratch.file("maildir")
        configuration = try TestConfiguration.write(in: scratch, port: try LoopbackPort.free())
        _ = try tournee(["db", "init"], "2027-03-01T09:00:00+01:00")
        _ = try tournee(["schedule", "import", PlanFixture.smallPlan, "--no-season"], "2027-03-01T09:00:00+01:00")
    }

    /// Runs `tournee arguments` on the database at the Paris instant `now`; expects success.
    func tournee(_ arguments: [String], _ now: String) throws -> ChildRun.Result {
        let result = try ChildRun.toEnd(
            executable: try BuiltProgram.path("tournee"), arguments: arguments + ["--db", scratch.file("t.db")],
            environment: ["PATH": "/usr/bin:/bin", "TOURNEE_NOW": now, "USER": "anne"])
        #expect(result.status == 0, "\(arguments): \(String(decoding: result.stderr, as: UTF8.self))")
        return result
    }

    /// Runs `tourneed --once` at `instant`, delivering into the maildir.
    func tick(_ instant: String) throws {
        let result = try DaemonProcess.run(
            ["--config", configuration, "--once", "--now", instant, "--transport", "maildir:" + maildir], scratch: scratch)
        #expect(result.status == 0, "\(instant): \(result.stderr)")
    }

    /// The messages delivered so far, read by Python's `email` (and `icalendar`).
    func messages(calendar: Bool) throws -> [ParsedMessage] {
        try PythonPeer.json([ParsedMessage].self, "parse_message.py", [maildir] + (calendar ? ["--calendar"] : []))
    }
}
