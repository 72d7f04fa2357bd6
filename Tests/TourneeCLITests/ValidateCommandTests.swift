import CommandLineSupport
import Foundation
import TestSupport
import Testing
import TourneeCLI

struct ValidateCommandTests {
    @Test(arguments: [
        (
            "tours/guinguette-2027",
            "tours/guinguette-2027 : saison « La Guinguette mobile 2027 » valide — 4 tournées, 24 soirées, 15 communes, 1 véhicule\n"
        ),
        (
            "tours/tournee-des-villages-2027",
            "tours/tournee-des-villages-2027 : saison « Tournée des Villages 2027 » valide — 3 tournées, 12 soirées, 9 communes, 2 véhicules\n"
        ),
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
        let expected = try String(
            contentsOf: TourneeRun.fixtures.appendingPathComponent("broken/\(name)/expected-stderr.txt"), encoding: .utf8)
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
        try FileManager.default.copyItem(at: Repository.url("tours/guinguette-2027"), to: folder)
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
        let directory = try TemporaryDirectory(prefix: "tournee-large")
        defer { directory.remove() }
        let folder = directory.url
        try FileManager.default.copyItem(
            at: TourneeRun.fixtures.appendingPathComponent("broken/duplicate-insee/season.json"),
            to: folder.appendingPathComponent("season.json"))
        let national = try Repository.text("Sources/Planning/Resources/communes-fr.csv")
        let codes = national.split(separator: "\n").dropFirst().prefix(1_000).map { $0.prefix { $0 != "," } }
        var csv = "insee,name,has_cafe,mairie_email\n"
        for row in 0..<100_000 { csv += "\(codes[row % codes.count]),,non,mairie\(row)@example.org\n" }
        try csv.write(to: folder.appendingPathComponent("communes.csv"), atomically: true, encoding: .utf8)

        let named = TourneeRun(["validate", folder.lastPathComponent], in: folder.deletingLastPathComponent())
        #expect(named.status == .dataError)
        let lines = named.err.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 103)
        #expect(
            lines.first == "\(folder.lastPathComponent)/communes.csv:1002: colonne insee : code INSEE \(codes[0]) en double (déjà ligne 2)")
        #expect(
            lines[99] == "\(folder.lastPathComponent)/communes.csv:1101: colonne insee : code INSEE \(codes[99]) en double (déjà ligne 101)"
        )
        #expect(lines[100] == "… et 98900 autres erreurs")
        #expect(lines[101] == "tournee: \(folder.lastPathComponent) : 99000 erreurs ; saison non valide")
        #expect(named.out.isEmpty)
    }
}

/// What is not a season file at all: nothing there, a folder, a FIFO (which must not block).
@Suite(.timeLimit(.minutes(1)))
struct ValidateUnreadableFileTests {
    private func season(replacing name: String, with make: (URL) throws -> Void) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tournee-odd-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TourneeRun.fixtures.appendingPathComponent("broken/outside-calendar"), to: folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("expected-stderr.txt"))
        try """
        insee,name,mairie_email
        51008,,mairie@ambrieres.example.org
        """.write(to: folder.appendingPathComponent("communes.csv"), atomically: true, encoding: .utf8)
        let season = try String(contentsOf: folder.appendingPathComponent("season.json"), encoding: .utf8)
        try season.replacingOccurrences(of: "2300-", with: "2027-").write(
            to: folder.appendingPathComponent("season.json"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        try make(folder.appendingPathComponent(name))
        return folder
    }

    private func fifo(_ url: URL) throws { #expect(mkfifo(url.path, 0o600) == 0) }
    private func folder(_ url: URL) throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false) }

    @Test func aFIFOOrAFolderAsTheCommunesFileIsRefusedAtOnce() throws {
        for (make, message) in [
            (fifo, "c'est un tube nommé (FIFO), attendu un fichier ordinaire"),
            (folder, "c'est un dossier, attendu un fichier ordinaire"),
        ] as [((URL) throws -> Void, String)] {
            let season = try season(replacing: "communes.csv", with: make)
            defer { try? FileManager.default.removeItem(at: season) }
            let run = TourneeRun(["validate", season.lastPathComponent], in: season.deletingLastPathComponent())
            #expect(run.status == .dataError)
            #expect(
                run.err
                    == "\(season.lastPathComponent)/communes.csv: \(message)\ntournee: \(season.lastPathComponent) : 1 erreur ; saison non valide\n"
            )
        }
    }

    @Test func anUnopenableSeasonFileIsMissingInput() throws {
        for make in [fifo, folder, { _ in }] as [(URL) throws -> Void] {
            let season = try season(replacing: "season.json", with: make)
            defer { try? FileManager.default.removeItem(at: season) }
            let run = TourneeRun(["validate", season.path])
            #expect(run.status == .noInput, "\(run.err)")
        }
    }

    @Test func checkRefusesAFIFOAsThePlanWithoutBlocking() throws {
        let season = try season(
            replacing: "communes.csv",
            with: { url in
                try "insee\n51008\n".write(to: url, atomically: true, encoding: .utf8)
            })
        defer { try? FileManager.default.removeItem(at: season) }
        let plan = season.appendingPathComponent("plan.json")
        try fifo(plan)
        let run = TourneeRun(["check", season.path, plan.path])
        #expect(run.status == .noInput)
        #expect(run.err == "tournee: \(plan.path) : c'est un tube nommé (FIFO), attendu un fichier ordinaire\n")
    }

    /// 30 000 unknown keys: the parser's duplicate-key check was quadratic in an object's keys.
    @Test func aSeasonWithThirtyThousandUnknownKeysIsReportedBriefly() throws {
        let season = try season(
            replacing: "season.json",
            with: { url in
                let keys = (0..<30_000).map { "\"clé\($0)\": \($0)" }.joined(separator: ",\n")
                try "{\n\(keys)\n}\n".write(to: url, atomically: true, encoding: .utf8)
            })
        defer { try? FileManager.default.removeItem(at: season) }
        let run = TourneeRun(["validate", season.path])
        #expect(run.status == .dataError)
        let lines = run.err.split(separator: "\n")
        #expect(lines.count == 102)
        #expect(lines[100] == "… et 29906 autres erreurs")
    }
}
