import Foundation
import TestSupport
import Testing

/// The real `tournee` program, run as a user would: its exit status and its streams.
struct ProgramTests {
    private func run(_ arguments: [String]) throws -> ChildRun.Result {
        try ChildRun.toEnd(executable: try BuiltProgram.path("tournee"), arguments: arguments)
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
        try BuiltProgram.copy("tournee", to: copy.path)
        let result = try ChildRun.toEnd(executable: copy.path, arguments: ["communes", "--insee", "52448"], environment: [:])
        #expect(result.status == 69)
        #expect(String(decoding: result.stderr, as: UTF8.self).contains("fichier national des communes introuvable"))
    }

    /// `TOURNEE_NOW` sets the instant the commands take for now (kept in the history), and a value
    /// that is not an instant is a usage error naming the variable.
    @Test func theClockCanBeSetFromTheEnvironment() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-bin")
        defer { directory.remove() }
        let program = try BuiltProgram.path("tournee")
        let environment = ["TOURNEE_DB": directory.file("t.db"), "TOURNEE_NOW": "2023-01-10T10:00:00+01:00"]
        #expect(try ChildRun.toEnd(executable: program, arguments: ["db", "init"], environment: environment).status == 0)
        let imported = try ChildRun.toEnd(
            executable: program, arguments: ["schedule", "import", RecordsWorld.plan2023], environment: environment)
        #expect(imported.status == 0, "\(String(decoding: imported.stderr, as: UTF8.self))")
        let history = try ChildRun.toEnd(
            executable: program, arguments: ["event", "history", "guinguette-2023-51315-1", "--json"], environment: environment)
        #expect(String(decoding: history.stdout, as: UTF8.self).contains("\"at\": 1673341200"))
        let wrong = try ChildRun.toEnd(
            executable: program, arguments: ["events"], environment: environment.merging(["TOURNEE_NOW": "demain"]) { $1 })
        #expect(wrong.status == 64)
        #expect(
            String(decoding: wrong.stderr, as: UTF8.self)
                == "tournee: TOURNEE_NOW : instant ISO 8601 attendu (ex. 2027-05-08T09:00:00+02:00), trouvé « demain »\n")
    }
}
