import CivilTime
import SeasonVocabulary
import Store
import TestSupport
import Testing

@Suite struct DatabaseCheckTests {
    @Test func soundDatabaseHasNoProblems() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try makeDatabase(in: directory)
        #expect(try database.check() == [])
    }

    @Test func reportsOrphanRowsAndBrokenConstraints() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try makeDatabase(in: directory)
        // Damage made the way a foreign tool could: with the safety checks off.
        try database.execute("PRAGMA foreign_keys=OFF")
        try database.execute("PRAGMA ignore_check_constraints=ON")
        try database.execute(
            """
            INSERT INTO mairie_contacts (insee, position, name) VALUES ('00000', 0, 'Personne')
            """)
        try database.execute("UPDATE communes SET latitude = 123 WHERE insee = '52448'")
        try database.execute("PRAGMA ignore_check_constraints=OFF")
        let problems = try database.check()
        #expect(problems.contains(.foreignKey(table: "mairie_contacts", rowID: 1, parent: "communes")))
        #expect(
            problems.contains { if case .integrity(let text) = $0 { text.contains("CHECK constraint failed in communes") } else { false } })
        #expect(problems.count == 2)
    }
}
