import Foundation
import Planning
import Testing

@testable import Operations
@testable import Store
@testable import TestSupport

/// A staff member on a phone-sized Chromium, against the real `tourneed`, the evening of
/// 13 May 2023 at 23:30: signs in, finds tonight's evening by its commune, records it; records
/// yesterday's with the network cut, which arrives once the network is back — exactly once.
@Suite(.serialized, .enabled(if: Browser.shouldRun)) struct StaffBrowserTests {
    struct Seen: Decodable {
        let home: String
        let refused: String
        let listUrl: String
        let list: [String]
        let online: String
        let again: String
        let pending: String
        let pendingKept: Int
        let sentLater: String
        let pendingLeft: Int
        let listAfter: [String]
    }

    @Test func aStaffMemberRecordsTonightAndYesterdayOffline() throws {
        let world = try WebWorld(now: "2023-05-13T23:30:00+02:00")
        let shots = try Browser.screenshots("equipe")
        let seen = try Browser.serially {
            try PythonPeer.json(
                Seen.self, "browser_staff.py",
                [world.baseURL, "bruno", WebWorld.password, "Fontaines-sur-Marne", "Landricourt", shots.path])
        }
        #expect(seen.home == world.baseURL + "/connexion")
        #expect(seen.refused == "Nom ou mot de passe incorrect.")
        #expect(seen.listUrl == world.baseURL + "/soirees")
        #expect(seen.list.count == 2)
        // Selenium reads the pages' no-break spaces (« 18 h 30 » never split) as spaces.
        let first = seen.list.first?.replacingOccurrences(of: "\u{A0}", with: " ")
        #expect(first?.hasPrefix("Fontaines-sur-Marne\nsamedi 13 mai 2023, 18 h 30 – 23 h 30\nà saisir") == true, "\(seen.list)")
        #expect(seen.online == "envoyé — Soirée enregistrée. Merci !")
        #expect(seen.again.contains("déjà arrivé"))
        #expect(seen.pending.hasPrefix("en attente d'envoi"))
        #expect(seen.pendingKept == 1)
        #expect(seen.sentLater == "envoyé — Soirée enregistrée. Merci !")
        #expect(seen.pendingLeft == 0)
        #expect(seen.listAfter.allSatisfy { $0.contains("saisie : ") }, "\(seen.listAfter)")

        let database = try world.open()
        defer { try? database.close() }
        let records = RecordStore(database)
        let tonight = try #require(try records.record(eventID: "guinguette-2023-52203-2"))
        #expect(tonight.entry.attendance == 1200 && tonight.entry.localSpendCents == 18_000 && tonight.entry.volunteers == 6)
        #expect(tonight.entry.animations == ["Bal guinguette", "Quiz musical"])
        #expect(tonight.partners.map(\.name) == ["Comité des fêtes"] && tonight.recordedBy == "bruno")
        let yesterday = try #require(try records.record(eventID: "guinguette-2023-51315-1"))
        #expect(yesterday.entry.attendance == 95 && yesterday.entry.notes == "Orage à 22 h, on a plié tôt")
        #expect(try records.records().count == 2)
        #expect(try records.corrections(eventID: "guinguette-2023-52203-2").isEmpty)
        #expect(try database.queryOne("SELECT count(*) FROM form_submissions") { $0.int(0) } == 2)
        // The report the funders read counts both evenings.
        let model = try ExternalityModel.parse(try Repository.text("config/externalities.json"), file: "config/externalities.json")
        let report = try SeasonReport.build(
            database: database, seasonID: "guinguette-2023", model: model, directory: { try CommuneDirectory.loadShipped() })
        #expect(report.headline.people == 1295 && report.headline.evenings == 2 && report.headline.associations == 1)
        for name in ["connexion", "ce-soir", "formulaire", "envoye", "hors-ligne", "envoye-au-retour"] {
            #expect(try FileManager.default.contentsOfDirectory(atPath: shots.path).contains { $0.hasSuffix("-\(name).png") }, "\(name)")
        }
    }
}
