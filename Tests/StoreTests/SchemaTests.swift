import Store
import Testing

@Suite struct SchemaTests {
    @Test func tablesAreStrict() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try makeDatabase(in: directory)
        let error = try #require(throws: DatabaseError.self) {
            try database.execute("UPDATE communes SET population = ? WHERE insee = '52448'", ["beaucoup"])
        }
        #expect(error.isConstraintViolation)
        let tables = try database.query("""
            SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 0
              AND name NOT LIKE 'sqlite_%'
            """) { $0.text(0) }
        #expect(tables == [])
    }

    @Test(arguments: [("2026-02-30", "19:00"), ("2026-06-01", "24:00"), ("2026-06-01", "19:60"),
                      ("2026-6-1", "19:00"), ("2026-06-01", "7:00")])
    func impossibleDatesAndTimesAreRefused(date: String, start: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try makeDatabase(in: directory)
        var event = plannedEvent("e", day: 1)
        event.slot.date = date
        event.slot.localStart = start
        #expect(throws: DatabaseError.self) {
            try EventStore(database).importPlan([event], seasonID: "s2026", reason: "plan", actor: "a", at: fixtureNow)
        }
    }
}
