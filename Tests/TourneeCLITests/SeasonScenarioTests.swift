import Foundation
import TestSupport
import Testing

/// A whole season through the real programs, on a copy of the shipped Guinguette season: plan,
/// import, two confirmations, one decline, one move the mairie asked for, one evening called
/// off, a re-plan from the database applied, records (one corrected), the report. After every
/// step `tournee db check` passes and one round of `tourneed --once` leaves in the maildir
/// exactly the messages that step calls for, each read back with Python's `email`.
struct SeasonScenarioTests {
    typealias World = ReplanCommandTests.World

    /// A message the daemon delivered: its evening and rule (its `X-Tournee-*` headers).
    struct Delivered: Hashable, Comparable, CustomStringConvertible {
        let event: String
        let rule: String
        var description: String { "\(event) \(rule)" }
        static func < (a: Delivered, b: Delivered) -> Bool { (a.event, a.rule) < (b.event, b.rule) }
    }

    /// Runs the season's steps, keeping what the maildir held after the last one.
    final class Run {
        let world: World
        private var seen: Set<String> = []
        private(set) var all: [Delivered] = []
        private(set) var bodies: [Delivered: String] = [:]

        init(_ world: World) { self.world = world }

        /// A command at Paris instant `now` that must succeed; its standard output.
        @discardableResult
        func tournee(_ arguments: [String], at now: String) throws -> String {
            let run = try world.tournee(arguments + ["--db", world.database], at: now)
            #expect(run.status == 0, "\(arguments): \(run.err)")
            return run.out
        }

        /// `db check`, then one round of the daemon at `instant`: the messages it delivered.
        func settle(at instant: String, step: String) throws -> [Delivered] {
            let check = try world.tournee(["db", "check", "--db", world.database])
            #expect(check.status == 0 && check.out.hasPrefix("Base saine"), "after \(step): \(check.out)\(check.err)")
            #expect(try world.daemon(at: instant) == 0, "daemon after \(step)")
            let folder = world.mail.appendingPathComponent("new")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            var delivered: [Delivered] = []
            for name in names.sorted() where !seen.contains(name) {
                seen.insert(name)
                let message = try ParsedMessage.parse(file: folder.appendingPathComponent(name))
                #expect(message.defects.isEmpty, "\(name): \(message.defects)")
                let item = Delivered(event: message.header("X-Tournee-Event") ?? "", rule: message.header("X-Tournee-Rule") ?? "")
                delivered.append(item)
                bodies[item] = message.body ?? ""
            }
            all += delivered
            return delivered.sorted()
        }
    }

    private static let march = "2027-03-01T09:00:00+01:00"

    @Test func aWholeSeasonThroughTheRealCommandsKeepsItsRulesAndTellsEachMairieOnce() throws {
        let world = try World()
        defer { world.remove() }
        let run = Run(world)
        #expect(try world.tournee(["plan", world.season], at: Self.march).status == 0)
        try run.tournee(["db", "init"], at: Self.march)
        try run.tournee(["schedule", "import", world.plan], at: Self.march)
        let planned = try ReplanCommandTests.events(world)
        try #require(planned.count == 24)
        let proposals = planned.map { Delivered(event: $0.id, rule: "demande-accord") }
        #expect(try run.settle(at: "2027-03-01T10:00:00+01:00", step: "import") == proposals.sorted())

        let (first, second, declined, moved, cancelled) = (planned[0], planned[5], planned[2], planned[1], planned[10])
        try run.tournee(["event", "confirm", first.id, "--reason", "accord du maire"], at: "2027-03-02T09:00:00+01:00")
        #expect(try run.settle(at: "2027-03-02T10:00:00+01:00", step: "first confirmation") == [])
        try run.tournee(["event", "confirm", second.id, "--reason", "accord du maire"], at: "2027-03-03T09:00:00+01:00")
        #expect(try run.settle(at: "2027-03-03T10:00:00+01:00", step: "second confirmation") == [])
        try run.tournee(["event", "decline", declined.id, "--reason", "salle prise"], at: "2027-03-04T09:00:00+01:00")
        #expect(try run.settle(at: "2027-03-04T10:00:00+01:00", step: "decline") == [Delivered(event: declined.id, rule: "refus")])
        let newDate = "2027-05-21"
        try run.tournee(["event", "move", moved.id, "--date", newDate, "--reason", "fête du village"], at: "2027-03-05T09:00:00+01:00")
        #expect(
            try run.settle(at: "2027-03-05T10:00:00+01:00", step: "move")
                == [Delivered(event: moved.id, rule: "nouvelle-date"), Delivered(event: moved.id, rule: "nouvelle-date-equipe")])
        try run.tournee(["event", "cancel", cancelled.id, "--reason", "salle en travaux"], at: "2027-03-06T09:00:00+01:00")
        #expect(
            try run.settle(at: "2027-03-06T10:00:00+01:00", step: "cancel")
                == [Delivered(event: cancelled.id, rule: "annulation"), Delivered(event: cancelled.id, rule: "annulation-equipe")])

        // The re-plan keeps every evening announced, replaces the refused date and the evening
        // called off: each evening added gets its request for agreement, nothing else is sent.
        let replan = try run.tournee(["plan", world.season, "--apply", "--by", "anne"], at: "2027-03-08T09:00:00+01:00")
        let lines = replan.split(separator: "\n").map(String.init)
        #expect(lines.contains("Soirées déjà annoncées aux mairies : 0 déplacée, 0 retirée"), "\(replan)")
        let added = lines.filter { $0.hasPrefix("ajoutée") }.map { String($0.split(separator: " ", omittingEmptySubsequences: true)[1]) }
        #expect(lines.contains { $0.hasPrefix("ajoutée") && $0.contains("remplace la date refusée du \(declined.date) (\(declined.id))") })
        #expect(!added.isEmpty && lines.filter { $0.hasPrefix("déplacée") || $0.hasPrefix("retirée") }.isEmpty, "\(replan)")
        #expect(
            try run.settle(at: "2027-03-08T10:00:00+01:00", step: "re-plan")
                == added.map { Delivered(event: $0, rule: "demande-accord") }.sorted())
        let live = try ReplanCommandTests.events(world).filter { ["proposed", "confirmed"].contains($0.status) }
        #expect(live.count == 24)
        #expect(!live.contains { $0.commune == declined.commune && $0.date == declined.date })
        #expect(live.contains { $0.id == moved.id && $0.date == newDate })

        // The first evening, recorded once started, then corrected: thanked once, with the
        // corrected figure.
        let evening = "2027-05-07T23:45:00+02:00"
        #expect(first.date == "2027-05-07")
        try run.tournee(["record", first.id, "--attendance", "180", "--animation", "Bal guinguette"], at: evening)
        #expect(try world.tournee(["db", "check", "--db", world.database]).status == 0)
        let amended = try run.tournee(
            ["record", first.id, "--amend", "--attendance", "185", "--reason", "recompté avec le comité"], at: evening)
        #expect(amended == "Compte rendu de \(first.id) corrigé : public 180 → 185\n")
        let thanked = Delivered(event: first.id, rule: "j+2-merci")
        let after = try run.settle(at: "2027-05-09T10:30:00+02:00", step: "records")
        #expect(after.contains(thanked))
        #expect(run.bodies[thanked]?.contains("185") == true, "\(run.bodies[thanked] ?? "")")
        #expect(!(run.bodies[thanked]?.contains("180") ?? true))
        #expect(try run.settle(at: "2027-05-09T11:30:00+02:00", step: "a second round") == [])

        // Once each: no evening got a message of one rule twice, the evenings that left the
        // season only their own notice, the moved one only its new date's reminders.
        #expect(Set(run.all).count == run.all.count, "\(run.all.sorted())")
        #expect(run.all.filter { $0.event == declined.id }.map(\.rule).sorted() == ["demande-accord", "refus"])
        #expect(run.all.filter { $0.event == cancelled.id }.map(\.rule).sorted() == ["annulation", "annulation-equipe", "demande-accord"])
        #expect(run.all.filter { $0.rule == "retrait" }.isEmpty)

        let report = try run.tournee(["report", "guinguette-2027"], at: "2027-05-10T09:00:00+02:00")
        #expect(report.contains("185"), "\(report)")
        #expect(try world.tournee(["db", "check", "--db", world.database]).status == 0)
    }
}
