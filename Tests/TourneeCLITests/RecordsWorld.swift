import Foundation
import Store
import TestSupport
import TourneeCLI

/// A fresh database in a temporary folder, with the 2023 fixtures at hand; runs `tournee` on it.
struct RecordsWorld {
    static let fixtures = TourneeRun.fixtures.appendingPathComponent("records")
    /// The 2023 season's folder, with its plan where `tournee plan` writes it.
    static let seasonFolder2023 = fixtures.appendingPathComponent("guinguette-2023").path
    static let plan2023 = fixtures.appendingPathComponent("guinguette-2023/plan/plan.json").path
    static let records2023 = fixtures.appendingPathComponent("records-guinguette-2023.csv").path
    static let season2023 = "guinguette-2023"

    let folder: URL
    var database: String { folder.appendingPathComponent("tournee.db").path }

    /// Creates the folder and, when `initialized`, the database.
    init(initialized: Bool = true) throws {
        folder = try TemporaryDirectory(prefix: "tournee-records").url
        if initialized { _ = run(["db", "init"]) }
    }

    /// Runs a command against this world's database, from the repository root, at the test
    /// clock or at the Paris instant `now` (as `TOURNEE_NOW` gives it).
    func run(_ arguments: [String], at now: String? = nil) -> TourneeRun {
        TourneeRun(arguments + ["--db", database], environment: now.map { ["TOURNEE_NOW": $0] } ?? [:])
    }

    /// Writes a file in the folder and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// The database as SQL text, dumped by Python's sqlite3 (an independent reader).
    func dump() throws -> String {
        let script = TourneeRun.fixtures.appendingPathComponent("python/dump_db.py")
        return String(decoding: try PythonPeer.run(script: script, [database]), as: UTF8.self)
    }

    /// The 2023 season imported and recorded through the real commands.
    static func guinguette2023() throws -> RecordsWorld {
        let world = try RecordsWorld()
        let imported = world.run(["schedule", "import", plan2023, "--by", "test"])
        // The 2023 season was agreed with the mairies outside Tournée: its evenings stayed proposed.
        let recorded = world.run(["record", "--import", records2023, "--by", "test", "--force", "--reason", "saison 2023 rejouée"])
        guard imported.status == .success, recorded.status == .success else {
            throw SupportError("2023 fixture did not load: \(imported.err)\(recorded.err)")
        }
        return world
    }

    /// Opens the database read-side for assertions.
    func open() throws -> Database { try Database(path: database) }
}
