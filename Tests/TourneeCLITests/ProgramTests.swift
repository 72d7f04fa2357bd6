import Foundation
import TestSupport
import Testing

/// The real `tournee` program, run as a user would: its exit status and its streams.
struct ProgramTests {
    /// The built binary, beside the test bundle in the build folder.
    static let program = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("tournee").path

    private func run(_ arguments: [String]) throws -> ChildRun.Result {
        try ChildRun.toEnd(executable: Self.program, arguments: arguments)
    }

    @Test func exitStatusesFollowSysexits() throws {
        #expect(try run(["validate", Repository.url("tours/guinguette-2027").path]).status == 0)
        #expect(try run(["validate", TourneeRun.fixtures.appendingPathComponent("broken/wrong-types").path]).status == 65)
        #expect(try run(["validate", "/nonexistent/season"]).status == 66)
        #expect(try run(["validate"]).status == 64)
        #expect(try run(["frobnicate"]).status == 64)
    }

    @Test func resultsGoToStandardOutputAndDiagnosticsToStandardError() throws {
        let holidays = try run(["holidays", "2027"])
        #expect(String(decoding: holidays.stdout, as: UTF8.self).hasPrefix("2027-01-01\tJour de l'an\n"))
        #expect(holidays.stderr.isEmpty)
        let broken = try run(["validate", TourneeRun.fixtures.appendingPathComponent("broken/malformed-json").path])
        #expect(broken.stdout.isEmpty)
        #expect(String(decoding: broken.stderr, as: UTF8.self).contains("season.json:8: JSON mal formé"))
    }

    @Test func aMissingCommunesFileIsAClearErrorNotACrash() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-bin")
        defer { directory.remove() }
        let folder = directory.url
        let copy = folder.appendingPathComponent("tournee")
        try FileManager.default.copyItem(atPath: Self.program, toPath: copy.path)
        let result = try ChildRun.toEnd(executable: copy.path, arguments: ["communes", "--insee", "52448"], environment: [:])
        #expect(result.status == 69)
        #expect(String(decoding: result.stderr, as: UTF8.self).contains("fichier national des communes introuvable"))
    }
}
