import CivilTime
import SeasonVocabulary
import Store
import TestSupport
import Testing

@Suite struct SchemaTests {
    @Test func tablesAreStrict() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try makeDatabase(in: directory)
        let error = try #require(throws: DatabaseError.self) {
            try database.execute("UPDATE communes SET population = ? WHERE insee = '52448'", ["beaucoup"])
        }
        #expect(error.isConstraintViolation)
        let tables = try database.query(
            """
            SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 0
              AND name NOT LIKE 'sqlite_%'
            """
        ) { $0.text(0) }
        #expect(tables == [])
    }

    @Test(arguments: [
        ("2026-02-30", "19:00"), ("2026-06-01", "24:00"), ("2026-06-01", "19:60"),
        ("2026-6-1", "19:00"), ("2026-06-01", "7:00"),
    ])
    func impossibleDatesAndTimesAreRefused(date: String, start: String) throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try makeDatabase(in: directory)
        try EventStore(database).importPlan([plannedEvent("e", day: 1)], seasonID: "s2026", reason: "plan", actor: "a", at: fixtureNow)
        // The types keep the program from writing such values; the CHECK stops other writers.
        let error = try #require(throws: DatabaseError.self) {
            try database.execute("UPDATE events SET date = ?, local_start = ? WHERE id = 'e'", [date, start])
        }
        #expect(error.isConstraintViolation)
    }
}
