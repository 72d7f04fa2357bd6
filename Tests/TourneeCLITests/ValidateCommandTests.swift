import CommandLineSupport
import Foundation
import Testing
import TourneeCLI

struct ValidateCommandTests {
    @Test(arguments: [
        ("tours/guinguette-2027", "tours/guinguette-2027 : saison « La Guinguette mobile 2027 » valide — 4 tournées, 24 soirées, 15 communes, 1 véhicule\n"),
        ("tours/tournee-des-villages-2027", "tours/tournee-des-villages-2027 : saison « Tournée des Villages 2027 » valide — 3 tournées, 12 soirées, 9 communes, 2 véhicules\n"),
    ])
    func theShippedSeasonsAreValid(path: String, summary: String) {
        let run = TourneeRun(["validate", path])
        #expect(run.status == .success)
        #expect(run.out == summary)
        #expect(run.err.isEmpty)
    }

    static let brokenSeasons: [String] = {
        let folder = TourneeRun.fixtures.appendingPathComponent("broken")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted()
    }()

    @Test func thereAreAtLeastTenDifferentFaults() {
        #expect(Self.brokenSeasons.count >= 10)
    }

    /// Each broken season fails with exit 65 and exactly the pinned messages, one per fault.
    @Test(arguments: brokenSeasons)
    func aBrokenSeasonIsRefusedWithPreciseMessages(name: String) throws {
        let run = TourneeRun(["validate", "broken/\(name)"], in: TourneeRun.fixtures)
        #expect(run.status == .dataError)
        let expected = try String(contentsOf: TourneeRun.fixtures.appendingPathComponent("broken/\(name)/expected-stderr.txt"), encoding: .utf8)
        #expect(run.err == expected)
        #expect(run.out.isEmpty)
    }

    @Test func aMissingFolderExits66() {
        let run = TourneeRun(["validate", "tours/nowhere"])
        #expect(run.status == .noInput)
        #expect(run.err == "tournee: tours/nowhere : dossier de saison introuvable\n")
    }

    @Test func warningsDoNotFailValidation() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tournee-warn-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TourneeRun.repository.appendingPathComponent("tours/guinguette-2027"), to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("communes.csv")
        let text = try String(contentsOf: csv, encoding: .utf8).replacingOccurrences(of: "insee,name,", with: "insee,nom_usuel,")
        try text.write(to: csv, atomically: true, encoding: .utf8)
        let run = TourneeRun(["validate", folder.path])
        #expect(run.status == .success)
        #expect(run.err.contains("communes.csv:1: avertissement : colonne nom_usuel : colonne inconnue, ignorée"))
        #expect(run.out.hasSuffix("1 avertissement\n"))
    }
}
