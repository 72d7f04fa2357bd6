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
        // Friday 5 May is free, in the spring tour, 15 days before Landricourt's other visit.
        let moved = world.run([
            "event", "move", Self.id, "--date", "2023-05-05", "--start", "19:00", "--end", "00:30",
            "--reason", "fête du village", "--by", "paul",
        ])
        #expect(moved.status == .success, "\(moved.err)")
        #expect(moved.out == "\(Self.id) : confirmée, 2023-05-05 19:00–00:30 (version 3)\n")
        let event = try #require(try EventStore(world.open()).event(id: Self.id))
        // 19:00 and 00:30 the next day, Paris summer time (UTC+2).
        #expect(event.planned.slot.startsAt == 1_683_306_000)
        #expect(event.planned.slot.endsAt == 1_683_325_800)
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
        #expect(text.out.contains("paul  moved → confirmée 2023-05-12 18:30 → 2023-05-05 19:00  « fête du village »"))
    }

    /// The mayor's licence is noted for a confirmed evening only, on the day given (or today);
    /// noted again, the last day stands; the database keeps who noted it.
    @Test func aLicenceIsNotedForAConfirmedEveningOnly() throws {
        let world = try Self.scheduled()
        let early = world.run(["event", "licence", Self.id, "--date", "2023-04-20", "--reason", "arrêté reçu"])
        #expect(early.status == .dataError)
        #expect(
            early.err
                == "tournee: \(Self.id) : soirée proposée ; la licence se demande pour une soirée confirmée (tournee event confirm) ; rien n'a changé\n"
        )
        #expect(world.run(["event", "confirm", Self.id, "--reason", "accord"]).status == .success)
        let noted = world.run(["event", "licence", Self.id, "--date", "2023-04-20", "--reason", "arrêté reçu", "--by", "anne"])
        #expect(noted.out == "\(Self.id) : licence accordée le 2023-04-20\n", "\(noted.err)")
        let today = world.run(["event", "licence", Self.id, "--reason", "arrêté corrigé"])
        #expect(today.out == "\(Self.id) : licence accordée le 2027-01-15\n", "\(today.err)")
        #expect(try LicenceGrantStore(world.open()).grantedOn(eventID: Self.id)?.description == "2027-01-15")
        #expect(
            world.run(["event", "licence", Self.id, "--reason", "x", "--start", "19:00"]).err.contains(
                "--start et --end ne vont qu'avec move"))
        #expect(world.run(["event", "licence", Self.id]).status == .usage)
        #expect(
            world.run(["event", "cancel", Self.id, "--reason", "x", "--date", "2023-05-01"]).err.contains(
                "--date ne va qu'avec move et licence"))
    }

    /// The mairie refuses the date: the evening leaves the season (its vehicle's evening is free
    /// again), its history says so, and only a proposed evening can be declined.
    @Test func aDeclinedEveningLeavesTheSeasonWithItsHistory() throws {
        let world = try Self.scheduled()
        let declined = world.run(["event", "decline", Self.id, "--reason", "salle des fêtes prise", "--by", "anne"])
        #expect(declined.status == .success, "\(declined.err)")
        #expect(declined.out == "\(Self.id) : refusée par la mairie, 2023-05-12 18:30–23:30 (version 2)\n")
        let history = try EventStore(world.open()).history(eventID: Self.id)
        #expect(history.map(\.kind) == [.imported, .declined])
        #expect(history.last?.reason == "salle des fêtes prise")
        #expect(world.run(["db", "check"]).status == .success)
        let again = world.run(["event", "decline", Self.id, "--reason", "encore"])
        #expect(again.status == .dataError)
        #expect(again.err == "tournee: la soirée \(Self.id) est refusée par la mairie : impossible de la noter refusée par la mairie\n")
        let other = "guinguette-2023-52203-2"
        #expect(world.run(["event", "confirm", other, "--reason", "oui"]).status == .success)
        let confirmed = world.run(["event", "decline", other, "--reason", "finalement non"])
        #expect(confirmed.err == "tournee: la soirée \(other) est confirmée : impossible de la noter refusée par la mairie\n")
        #expect(world.run(["event", "decline", other]).status == .usage)
    }

    @Test func statusRulesAreEnforced() throws {
        let world = try Self.scheduled()
        #expect(world.run(["event", "cancel", Self.id, "--reason", "pluie"]).status == .success)
        let before = try world.dump()
        let confirm = world.run(["event", "confirm", Self.id, "--reason", "finalement oui"])
        #expect(confirm.status == .dataError)
        #expect(confirm.err == "tournee: la soirée \(Self.id) est annulée : impossible de la confirmer\n")
        let move = world.run(["event", "move", Self.id, "--date", "2023-05-05", "--reason", "x"])
        #expect(move.err == "tournee: la soirée \(Self.id) est annulée : impossible de la déplacer\n")
        #expect(world.run(["event", "cancel", Self.id, "--reason", "encore"]).status == .dataError)
        #expect(try world.dump() == before)
        let unknown = world.run(["event", "confirm", "nope", "--reason", "x"])
        #expect(unknown.status == .dataError)
        #expect(unknown.err == "tournee: soirée inconnue « nope »\n")
    }

    static let forceHint = "rien n'a changé ; --force avec --reason TEXTE en fait une exception voulue, gardée dans l'historique"

    /// A move is checked against the season the database keeps: its dates, the tour's dates and
    /// weekdays, the vehicle's other evenings, the commune's gap between visits.
    @Test(arguments: [
        (
            ["--date", "2023-04-30"],
            ["--date 2023-04-30 : hors de la saison guinguette-2023 (du 2023-05-01 au 2023-09-30) ; rien n'a changé"]
        ),
        (
            ["--date", "2023-07-01"],
            [
                "soirée \(id) : règle « dates de la tournée » : 2023-07-01 hors de la tournée « Printemps » (2023-05-01 → 2023-05-31)",
                forceHint,
            ]
        ),
        (
            ["--date", "2023-05-10"],
            [
                "soirée \(id) : règle « soirées permises par la saison, le véhicule et la commune » : Landricourt le 2023-05-10 : pas de soirée le mercredi",
                forceHint,
            ]
        ),
        (
            ["--date", "2023-05-13"],
            [
                "soirée \(id) : règle « une soirée par véhicule et par soir » : soirée du 2023-05-13 déjà prise par Fontaines-sur-Marne (guinguette-2023-52203-2) pour le même véhicule « camion » (soirées en cause : \(id), guinguette-2023-52203-2)",
                forceHint,
            ]
        ),
    ])
    func movesBreakingTheSeasonsRulesAreRefused(options: [String], lines: [String]) throws {
        let world = try Self.scheduled()
        let before = try world.dump()
        let run = world.run(["event", "move", Self.id, "--reason", "essai"] + options)
        #expect(run.status == .dataError)
        #expect(run.err == lines.map { "tournee: \($0)\n" }.joined())
        #expect(try world.dump() == before)
    }

    /// Forced, the move is made and the exception kept in the history; `db check` reports it as
    /// an exception, not an error. A later change that breaks the rule again is refused anew.
    @Test func aForcedMoveIsAnExceptionKeptInTheHistory() throws {
        let world = try Self.scheduled()
        let forced = world.run([
            "event", "move", Self.id, "--date", "2023-05-10", "--force", "--reason", "la mairie insiste", "--by", "anne",
        ])
        #expect(forced.status == .success, "\(forced.err)")
        #expect(
            forced.out
                == "\(Self.id) : proposée, 2023-05-10 18:30–23:30 (version 2)\nexception gardée : soirée \(Self.id) : règle « soirées permises par la saison, le véhicule et la commune » : Landricourt le 2023-05-10 : pas de soirée le mercredi\n"
        )
        let history = try EventStore(world.open()).history(eventID: Self.id)
        #expect(history.map(\.kind) == [.imported, .moved, .exception])
        #expect(history.last?.reason == "la mairie insiste")
        #expect(history.last?.actor == "anne")
        #expect(history.last?.exception == "allowed-evening:\(Self.id)@2023-05-10")
        let check = world.run(["db", "check"])
        #expect(check.status == .success, "\(check.out)\(check.err)")
        #expect(check.out.hasPrefix("exception voulue : soirée \(Self.id) : règle « soirées permises"))
        #expect(check.out.contains("— « la mairie insiste » (anne, "))
        #expect(check.out.hasSuffix("Base saine : \(world.database)\n"))
        // The exception covers that evening only: another Wednesday is refused again.
        #expect(world.run(["event", "move", Self.id, "--date", "2023-05-03", "--reason", "encore"]).status == .dataError)
        // Confirming is checked too; the accepted breach does not stand in its way.
        #expect(world.run(["event", "confirm", Self.id, "--reason", "accord"]).status == .success)
    }

    /// A date the commune refused is refused to its other evenings too, naming the evening and
    /// the date; forced, the exception is kept, and `db check` reports it as one.
    @Test func aMoveOntoADateTheCommuneRefusedIsRefusedUnlessForced() throws {
        let world = try Self.scheduled()
        #expect(world.run(["event", "decline", Self.id, "--reason", "salle prise"]).status == .success)
        let other = "guinguette-2023-51315-4"
        let before = try world.dump()
        let refused = world.run(["event", "move", other, "--date", "2023-05-12", "--reason", "essai"])
        #expect(refused.status == .dataError)
        #expect(
            refused.err
                == "tournee: soirée \(other) : règle « date refusée par la commune » : Landricourt a refusé le 2023-05-12 (soirée \(Self.id)) (soirées en cause : \(Self.id), \(other))\ntournee: \(Self.forceHint)\n"
        )
        #expect(try world.dump() == before)
        let forced = world.run(["event", "move", other, "--date", "2023-05-12", "--force", "--reason", "la mairie s'est ravisée"])
        #expect(forced.status == .success, "\(forced.err)")
        #expect(
            try EventStore(world.open()).history(eventID: other).last?.exception
                == "declined-date:\(Self.id)@2023-05-12,\(other)@2023-05-12")
        let check = world.run(["db", "check"])
        #expect(check.status == .success, "\(check.out)\(check.err)")
        #expect(check.out.hasPrefix("exception voulue : soirée \(other) : règle « date refusée par la commune »"), "\(check.out)")
    }

    /// An evening double-booked behind the program's back cannot be confirmed without force.
    @Test func confirmingAnEveningThatBreaksARuleIsRefused() throws {
        let world = try Self.scheduled()
        let database = try world.open()
        try database.execute("UPDATE events SET date = '2023-05-13' WHERE id = ?", [Self.id])
        try database.close()
        let before = try world.dump()
        let run = world.run(["event", "confirm", Self.id, "--reason", "accord"])
        #expect(run.status == .dataError)
        #expect(
            run.err.hasPrefix(
                "tournee: soirée \(Self.id) : règle « une soirée par véhicule et par soir » : soirée du 2023-05-13 déjà prise"))
        #expect(try world.dump() == before)
        let forced = world.run(["event", "confirm", Self.id, "--reason", "deux scènes ce soir-là", "--force"])
        #expect(forced.status == .success, "\(forced.err)")
        #expect(world.run(["db", "check"]).status == .success)
        // Cancelling needs no rule: the evening leaves the season.
        #expect(world.run(["event", "cancel", "guinguette-2023-52203-2", "--reason", "pluie"]).status == .success)
    }

    @Test(arguments: [
        (["event", "confirm", "x"], "--reason TEXTE obligatoire"),
        (["event", "move", "x", "--reason", "r"], "move : --date (et/ou --start, --end) attendu"),
        (["event", "move", "x", "--reason", "r", "--date", "2023-02-30"], "--date : date AAAA-MM-JJ attendue, trouvé « 2023-02-30 »"),
        (["event", "move", "x", "--reason", "r", "--start", "25:00"], "--start : heure HH:MM attendue"),
        (["event", "confirm", "x", "--reason", "r", "--date", "2023-05-14"], "--date ne va qu'avec move et licence"),
        (["event", "delete", "x"], "action inconnue « delete »"),
        (["event", "cancel", "x", "--reason", "r", "--force"], "--force ne va qu'avec confirm et move"),
        (["schedule", "import", "plan.json", "--force"], "--force demande --reason TEXTE"),
        (["schedule", "import", "plan.json", "--season", "s", "--no-season"], "--season et --no-season s'excluent"),
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
