import CommandLineSupport
import Foundation
import Store
import Testing
import TourneeCLI

struct RecordCommandTests {
    static let header = "event,attendance,animations,partners,local_spend_eur,sales_eur,volunteers,weather,notes\r\n"

    /// The evenings the tests record, confirmed by their mairie.
    static let confirmed = ["guinguette-2023-51315-1", "guinguette-2023-52203-2", "guinguette-2023-52528-3"]

    /// The 2023 plan imported, its first three evenings confirmed, nothing recorded.
    static func scheduled() throws -> RecordsWorld {
        let world = try RecordsWorld()
        #expect(world.run(["schedule", "import", RecordsWorld.plan2023]).status == .success)
        for id in confirmed { #expect(world.run(["event", "confirm", id, "--reason", "accord"]).status == .success) }
        return world
    }

    @Test func oneEveningFromOptionsIsStoredWithPartnersDeduplicated() throws {
        let world = try Self.scheduled()
        let first = world.run([
            "record", "guinguette-2023-51315-1", "--attendance", "212", "--animation", "Bal guinguette",
            "--animation", "Quiz", "--partner", "Les Amis du Dér:association", "--partner", "Ferme du Bocage:producteur",
            "--local-spend", "1 234,50", "--sales", "800.5", "--volunteers", "6", "--weather", "beau", "--by", "anne",
        ])
        #expect(first.status == .success, "\(first.err)")
        #expect(first.out == "Soirée guinguette-2023-51315-1 enregistrée : 212 personnes, 2 animation(s), 2 partenaire(s)\n")
        let second = world.run(["record", "guinguette-2023-52203-2", "--attendance", "150", "--partner", "les amis du der:association"])
        #expect(second.status == .success)
        let database = try world.open()
        let record = try #require(try RecordStore(database).record(eventID: "guinguette-2023-51315-1"))
        #expect(record.entry.localSpendCents == 123_450)
        #expect(record.entry.salesCents == 80_050)
        #expect(record.entry.animations == ["Bal guinguette", "Quiz"])
        #expect(record.recordedBy == "anne")
        #expect(try PartnerStore(database).all(kind: .association).map(\.name) == ["Les Amis du Dér"])
        #expect(try EventStore(database).event(id: "guinguette-2023-51315-1")?.status == .done)
        let again = world.run(["record", "guinguette-2023-51315-1", "--attendance", "1"])
        #expect(again.status == .dataError)
        #expect(again.err == "tournee: la soirée guinguette-2023-51315-1 a déjà son compte rendu ; --amend le corrige\n")
    }

    @Test(arguments: [
        (["record", "x", "--attendance", "-3"], "--attendance : nombre entier positif ou nul attendu, trouvé « -3 »"),
        (
            ["record", "x", "--attendance", "3", "--partner", "Bob:plombier"],
            "--partner : type de partenaire inconnu « plombier » pour « Bob »"
        ),
        (["record", "x", "--attendance", "3", "--sales", "12,345"], "--sales : montant en euros positif ou nul attendu"),
        (["record", "x"], "--attendance N obligatoire"),
        (["record", "--import", "a.csv", "--attendance", "3"], "--import s'emploie seul"),
    ])
    func badOptionsAreUsageErrors(arguments: [String], message: String) throws {
        let world = try Self.scheduled()
        let before = try world.dump()
        let run = world.run(arguments)
        #expect(run.status == .usage)
        #expect(run.err.contains(message), "\(run.err)")
        #expect(try world.dump() == before)
    }

    /// Each bad sheet: the error names the line, and the database is byte-for-byte the same.
    @Test(arguments: [
        (
            "broken quoting",
            "guinguette-2023-51315-1,200,Bal,,,,,,\r\nguinguette-2023-52203-2,180,\"Concert,,,,,,,\r\n",
            ":3: guillemet ouvert jamais refermé"
        ),
        (
            "unknown event",
            "guinguette-2023-51315-1,200,Bal,,,,,,\r\nguinguette-2099-00000-1,180,Concert,,,,,,\r\n",
            ":3: event guinguette-2099-00000-1 : soirée inconnue « guinguette-2099-00000-1 »"
        ),
        (
            "negative attendance",
            "guinguette-2023-51315-1,-200,Bal,,,,,,\r\n",
            ":2: attendance : nombre entier positif ou nul attendu, trouvé « -200 »"
        ),
        (
            "unknown partner kind",
            "guinguette-2023-51315-1,200,Bal,Les Amis du Der:association | Bob:plombier,,,,,\r\n",
            ":2: partners : type de partenaire inconnu « plombier » pour « Bob »"
        ),
        (
            "recorded twice in the sheet",
            "guinguette-2023-51315-1,200,Bal,,,,,,\r\nguinguette-2023-51315-1,180,Concert,,,,,,\r\n",
            ":3: event guinguette-2023-51315-1 : la soirée guinguette-2023-51315-1 a déjà son compte rendu"
        ),
    ])
    func badSheetNamesTheLineAndChangesNothing(name: String, rows: String, message: String) throws {
        let world = try Self.scheduled()
        let sheet = try world.write("feuille.csv", Self.header + rows)
        let before = try world.dump()
        let run = world.run(["record", "--import", sheet])
        #expect(run.status == .dataError, "\(name)")
        #expect(run.err.contains(sheet + message), "\(name): \(run.err)")
        #expect(run.err.hasSuffix("tournee: rien n'a été enregistré\n"))
        #expect(try world.dump() == before, "\(name)")
    }

    @Test func everyBadRowOfASheetIsReported() throws {
        let world = try Self.scheduled()
        let sheet = try world.write(
            "feuille.csv",
            Self.header
                + "guinguette-2023-51315-1,-1,Bal,,,,,,\r\nguinguette-2023-52203-2,10,Bal,X:autre,,,,,\r\nguinguette-2023-52528-3,10,Bal,Y:zzz,,,,,\r\n"
        )
        let run = world.run(["record", "--import", sheet])
        #expect(run.err.split(separator: "\n").filter { $0.contains("feuille.csv:") }.count == 2)
        #expect(run.err.contains(":2: attendance"))
        #expect(run.err.contains(":4: partners"))
    }

    @Test func sheetWithSemicolonsAndUnknownColumnIsHandled() throws {
        let world = try Self.scheduled()
        let good = try world.write("ok.csv", "event;attendance;sales_eur\nguinguette-2023-51315-1;120;\"1 050,20\"\n")
        #expect(world.run(["record", "--import", good]).status == .success)
        #expect(try RecordStore(world.open()).record(eventID: "guinguette-2023-51315-1")?.entry.salesCents == 105_020)
        let unknown = try world.write("bad.csv", "event,attendance,public\nx,1,2\n")
        let run = world.run(["record", "--import", unknown])
        #expect(run.status == .dataError)
        #expect(run.err.contains("colonne(s) inconnue(s) : public"))
    }

    @Test func recordingACancelledEveningIsRefused() throws {
        let world = try Self.scheduled()
        #expect(world.run(["event", "cancel", "guinguette-2023-51315-1", "--reason", "pluie"]).status == .success)
        let run = world.run(["record", "guinguette-2023-51315-1", "--attendance", "10"])
        #expect(run.status == .dataError)
        #expect(run.err == "tournee: la soirée guinguette-2023-51315-1 est annulée : impossible de l'enregistrer\n")
    }

    /// An evening is recorded once it has started, Paris time, at the command's clock.
    @Test func anEveningThatHasNotStartedIsRefusedUntilItDoes() throws {
        let world = try Self.scheduled()
        let before = try world.dump()
        let early = world.run(["record", "guinguette-2023-51315-1", "--attendance", "10"], at: "2023-05-12T18:29:00+02:00")
        #expect(early.status == .dataError)
        #expect(
            early.err == """
                tournee: la soirée guinguette-2023-51315-1 n'a pas commencé : elle commence le 2023-05-12 à 18:30 (heure de Paris), il est le 2023-05-12 à 18:29 ; elle s'enregistre une fois commencée
                tournee: rien n'a été enregistré

                """)
        #expect(try world.dump() == before)
        #expect(world.run(["record", "guinguette-2023-51315-1", "--attendance", "10"], at: "2023-05-12T18:30:00+02:00").status == .success)
    }

    /// An evening the mairie never confirmed asks for --force with a reason, kept in its history.
    @Test func aProposedEveningAsksForForceAndSaysWhy() throws {
        let world = try Self.scheduled()
        let id = "guinguette-2023-51315-4"
        let refused = world.run(["record", id, "--attendance", "10"])
        #expect(refused.status == .dataError)
        #expect(
            refused.err.hasPrefix(
                "tournee: la soirée \(id) est encore proposée : la mairie ne l'a jamais confirmée ; confirmez-la (tournee event confirm \(id) --reason TEXTE), ou, si elle a bien eu lieu, --force --reason TEXTE l'enregistre quand même"
            ))
        #expect(world.run(["record", id, "--attendance", "10", "--force"]).status == .usage)
        let forced = world.run(["record", id, "--attendance", "10", "--force", "--reason", "accord du maire par téléphone"])
        #expect(forced.status == .success, "\(forced.err)")
        let history = try EventStore(world.open()).history(eventID: id)
        #expect(history.last?.kind == .done)
        #expect(history.last?.reason == "soirée enregistrée sans confirmation de la mairie : accord du maire par téléphone")
    }

    @Test func aWithdrawnEveningIsRefused() throws {
        let world = try Self.scheduled()
        let replan = try ScheduleCommandTests.replan(world, "replan.json") { events in events.removeLast() }
        #expect(world.run(["schedule", "import", replan]).status == .success)
        let run = world.run(["record", "guinguette-2023-51583-24", "--attendance", "10", "--force", "--reason", "x"])
        #expect(run.status == .dataError)
        #expect(run.err == "tournee: la soirée guinguette-2023-51583-24 est retirée du plan : impossible de l'enregistrer\n")
    }

    /// A correction replaces the fields given, keeps the others, and is kept in the history with
    /// the values before and after; a second record without --amend is refused.
    @Test func aRecordIsCorrectedWithAmendAndEachCorrectionIsInTheHistory() throws {
        let world = try Self.scheduled()
        let id = "guinguette-2023-51315-1"
        #expect(world.run(["record", id, "--amend", "--attendance", "220"]).err.contains("n'a pas encore de compte rendu à corriger"))
        #expect(
            world.run(["record", id, "--attendance", "212", "--animation", "Bal", "--local-spend", "180", "--volunteers", "6"]).status
                == .success)
        #expect(world.run(["record", id, "--amend"]).status == .usage)
        let corrected = world.run([
            "record", id, "--amend", "--attendance", "220", "--animation", "Bal", "--animation", "Quiz", "--local-spend", "1 180,50",
            "--reason", "erreur de saisie", "--by", "paul",
        ])
        #expect(corrected.status == .success, "\(corrected.err)")
        #expect(
            corrected.out
                == "Compte rendu de \(id) corrigé : public 212 → 220 ; animations « Bal » → « Bal | Quiz » ; dépenses locales 180,00\u{A0}€ → 1\u{202F}180,50\u{A0}€\n"
        )
        let same = world.run(["record", id, "--amend", "--attendance", "220"])
        #expect(same.out == "Compte rendu de \(id) inchangé : il avait déjà ces valeurs\n")
        let record = try #require(try RecordStore(world.open()).record(eventID: id))
        #expect(record.entry.attendance == 220 && record.entry.volunteers == 6 && record.entry.localSpendCents == 118_050)
        let history = world.run(["event", "history", id])
        let lines = history.out.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(
            lines.last?.hasSuffix(
                "paul  compte rendu corrigé : public 212 → 220 ; animations « Bal » → « Bal | Quiz » ; dépenses locales 180,00\u{A0}€ → 1\u{202F}180,50\u{A0}€  « erreur de saisie »"
            ) == true, "\(history.out)")
        let json = world.run(["event", "history", id, "--json"])
        #expect(json.out.contains("\"change\": \"recordCorrected\""))
        #expect(json.out.contains("\"field\": \"attendance\""))
    }

    /// A sheet follows the same rules row by row: proposed evenings ask for --force, a sheet of
    /// corrections replaces only the cells given.
    @Test func aSheetFollowsTheSameRules() throws {
        let world = try Self.scheduled()
        let sheet = try world.write(
            "feuille.csv", Self.header + "guinguette-2023-51315-1,200,Bal,,,,,,\r\nguinguette-2023-51315-4,180,Concert,,,,,,\r\n")
        let refused = world.run(["record", "--import", sheet])
        #expect(refused.status == .dataError)
        #expect(refused.err.contains(sheet + ":3: event guinguette-2023-51315-4 : la soirée guinguette-2023-51315-4 est encore proposée"))
        #expect(try RecordStore(world.open()).records().isEmpty)
        let forced = world.run(["record", "--import", sheet, "--force", "--reason", "accords par téléphone"])
        #expect(forced.out == "2 soirée(s) enregistrée(s) depuis \(sheet)\n", "\(forced.err)")
        let fixes = try world.write(
            "corrections.csv", "event;attendance;volunteers\nguinguette-2023-51315-1;210;\nguinguette-2023-51315-4;180;\n")
        let amended = world.run(["record", "--import", fixes, "--amend"])
        #expect(amended.out == "1 compte(s) rendu(s) corrigé(s), 1 inchangé(s), depuis \(fixes)\n", "\(amended.err)")
        let record = try #require(try RecordStore(world.open()).record(eventID: "guinguette-2023-51315-1"))
        #expect(record.entry.attendance == 210 && record.entry.animations == ["Bal"])
        #expect(
            try RecordStore(world.open()).corrections(eventID: "guinguette-2023-51315-1").map(\.reason) == ["correction du compte rendu"])
    }
}
