import CommandLineSupport
import Foundation
import Store
import Testing
import TourneeCLI

struct RecordCommandTests {
    static let header = "event,attendance,animations,partners,local_spend_eur,sales_eur,volunteers,weather,notes\r\n"

    /// The 2023 plan imported, nothing recorded.
    static func scheduled() throws -> RecordsWorld {
        let world = try RecordsWorld()
        #expect(world.run(["schedule", "import", RecordsWorld.plan2023]).status == .success)
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
        #expect(again.err == "tournee: la soirée guinguette-2023-51315-1 a déjà son compte rendu\n")
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
}
