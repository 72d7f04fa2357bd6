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

/// A communes file of spreadsheet size with a fault on most rows.
struct ValidateLargeFileTests {
    /// 100 000 rows cycling over 1 000 INSEE codes: 99 000 duplicates. Reading used to be
    /// quadratic in the faults (and printed every one); the bound on what is printed is pinned.
    @Test func aHundredThousandRowsWithDuplicatesAreReportedBriefly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tournee-large-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: TourneeRun.fixtures.appendingPathComponent("broken/duplicate-insee/season.json"),
                                         to: folder.appendingPathComponent("season.json"))
        let national = try String(contentsOf: TourneeRun.repository.appendingPathComponent("Sources/Planning/Resources/communes-fr.csv"), encoding: .utf8)
        let codes = national.split(separator: "\n").dropFirst().prefix(1_000).map { $0.prefix { $0 != "," } }
        var csv = "insee,name,has_cafe,mairie_email\n"
        for row in 0..<100_000 { csv += "\(codes[row % codes.count]),,non,mairie\(row)@example.org\n" }
        try csv.write(to: folder.appendingPathComponent("communes.csv"), atomically: true, encoding: .utf8)

        let named = TourneeRun(["validate", folder.lastPathComponent], in: folder.deletingLastPathComponent())
        #expect(named.status == .dataError)
        let lines = named.err.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 103)
        #expect(lines.first == "\(folder.lastPathComponent)/communes.csv:1002: colonne insee : code INSEE \(codes[0]) en double (déjà ligne 2)")
        #expect(lines[99] == "\(folder.lastPathComponent)/communes.csv:1101: colonne insee : code INSEE \(codes[99]) en double (déjà ligne 101)")
        #expect(lines[100] == "… et 98900 autres erreurs")
        #expect(lines[101] == "tournee: \(folder.lastPathComponent) : 99000 erreurs ; saison non valide")
        #expect(named.out.isEmpty)
    }
}
