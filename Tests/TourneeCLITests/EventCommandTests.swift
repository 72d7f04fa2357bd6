import CommandLineSupport
import Foundation
import Store
import Testing
import TourneeCLI

struct EventCommandTests {
    static let id = "guinguette-2023-51315-1"

    static func scheduled() throws -> RecordsWorld {
        let world = try RecordsWorld()
        #expect(world.run(["schedule", "import", RecordsWorld.plan2023, "--by", "import"]).status == .success)
        return world
    }

    @Test func confirmMoveAndHistoryKeepWhoWhenAndWhy() throws {
        let world = try Self.scheduled()
        let confirmed = world.run(["event", "confirm", Self.id, "--reason", "accord du maire", "--by", "anne"])
        #expect(confirmed.out == "\(Self.id) : confirmée, 2023-05-12 18:30–23:30 (version 2)\n")
        let moved = world.run([
            "event", "move", Self.id, "--date", "2023-05-14", "--start", "19:00", "--end", "00:30",
            "--reason", "fête du village", "--by", "paul",
        ])
        #expect(moved.status == .success, "\(moved.err)")
        #expect(moved.out == "\(Self.id) : confirmée, 2023-05-14 19:00–00:30 (version 3)\n")
        let event = try #require(try EventStore(world.open()).event(id: Self.id))
        // 19:00 and 00:30 the next day, Paris summer time (UTC+2).
        #expect(event.planned.slot.startsAt == 1_684_083_600)
        #expect(event.planned.slot.endsAt == 1_684_103_400)
        #expect(event.sequence == 1)
        let history = world.run(["event", "history", Self.id, "--json"])
        let entries = try JSONSerialization.jsonObject(with: Data(history.out.utf8)) as! [[String: Any]]
        #expect(entries.map { $0["change"] as? String } == ["imported", "confirmed", "moved"])
        #expect(entries.map { $0["by"] as? String } == ["import", "anne", "paul"])
        #expect(entries.map { $0["reason"] as? String } == ["import du plan", "accord du maire", "fête du village"])
        #expect(entries.allSatisfy { $0["at"] as? Int == 1_800_000_000 && $0["id"] is String })
        #expect(entries[2]["oldDate"] as? String == "2023-05-12")
        let text = world.run(["event", "history", Self.id])
        #expect(text.out.split(separator: "\n").count == 3)
        #expect(text.out.contains("paul  moved → confirmée 2023-05-12 18:30 → 2023-05-14 19:00  « fête du village »"))
    }

    @Test func statusRulesAreEnforced() throws {
        let world = try Self.scheduled()
        #expect(world.run(["event", "cancel", Self.id, "--reason", "pluie"]).status == .success)
        let before = try world.dump()
        let confirm = world.run(["event", "confirm", Self.id, "--reason", "finalement oui"])
        #expect(confirm.status == .dataError)
        #expect(confirm.err == "tournee: la soirée \(Self.id) est annulée : impossible de la confirmer\n")
        let move = world.run(["event", "move", Self.id, "--date", "2023-05-14", "--reason", "x"])
        #expect(move.err == "tournee: la soirée \(Self.id) est annulée : impossible de la déplacer\n")
        #expect(world.run(["event", "cancel", Self.id, "--reason", "encore"]).status == .dataError)
        #expect(try world.dump() == before)
        let unknown = world.run(["event", "confirm", "nope", "--reason", "x"])
        #expect(unknown.status == .dataError)
        #expect(unknown.err == "tournee: soirée inconnue « nope »\n")
    }

    @Test(arguments: [
        (
            ["--date", "2023-04-30"],
            "--date 2023-04-30 : hors de la saison guinguette-2023 (du 2023-05-01 au 2023-09-30) ; rien n'a changé"
        ),
        (["--date", "2023-07-01"], "--date 2023-07-01 : hors de la tournée « Printemps » (du 2023-05-12 au 2023-05-27) ; rien n'a changé"),
    ])
    func movesOutsideTheSeasonOrTourAreRefused(options: [String], message: String) throws {
        let world = try Self.scheduled()
        let before = try world.dump()
        let run = world.run(["event", "move", Self.id, "--reason", "essai"] + options)
        #expect(run.status == .dataError)
        #expect(run.err == "tournee: \(message)\n")
        #expect(try world.dump() == before)
    }

    @Test(arguments: [
        (["event", "confirm", "x"], "--reason TEXTE obligatoire"),
        (["event", "move", "x", "--reason", "r"], "move : --date (et/ou --start, --end) attendu"),
        (["event", "move", "x", "--reason", "r", "--date", "2023-02-30"], "--date : date AAAA-MM-JJ attendue, trouvé « 2023-02-30 »"),
        (["event", "move", "x", "--reason", "r", "--start", "25:00"], "--start : heure HH:MM attendue"),
        (["event", "confirm", "x", "--reason", "r", "--date", "2023-05-14"], "--date, --start et --end ne vont qu'avec move"),
        (["event", "delete", "x"], "action inconnue « delete »"),
    ])
    func badArgumentsAreUsageErrors(arguments: [String], message: String) throws {
        let world = try Self.scheduled()
        let run = world.run(arguments)
        #expect(run.status == .usage)
        #expect(run.err.contains(message), "\(run.err)")
    }

    @Test func eventsListFiltersAndPrintsJSONWithIds() throws {
        let world = try Self.scheduled()
        #expect(world.run(["event", "confirm", Self.id, "--reason", "oui"]).status == .success)
        let all = world.run(["events", "--json"])
        let list = try JSONSerialization.jsonObject(with: Data(all.out.utf8)) as! [[String: Any]]
        #expect(list.count == 24)
        #expect(list.allSatisfy { $0["id"] is String })
        #expect(list.map { $0["date"] as! String } == list.map { $0["date"] as! String }.sorted())
        let confirmed = world.run(["events", "--season", "guinguette-2023", "--status", "confirmed", "--json"])
        let only = try JSONSerialization.jsonObject(with: Data(confirmed.out.utf8)) as! [[String: Any]]
        #expect(only.map { $0["id"] as? String } == [Self.id])
        #expect(only.first?["commune"] as? String == "Landricourt")
        let text = world.run(["events", "--status", "proposed", "--status", "confirmed"])
        #expect(text.out.hasSuffix("24 soirée(s)\n"))
        #expect(world.run(["events", "--status", "maybe"]).status == .usage)
        #expect(world.run(["events", "--season", "autre"]).err == "tournee: saison inconnue « autre »\n")
    }
}
