import CivilTime
import SeasonVocabulary
import Store
import TestSupport
import Testing

/// Rows written past the schema by another tool are refused by the readers with the table, the
/// row, the column, what was found and what was expected; never a crash.
@Suite struct MalformedRowTests {
    /// A database with events a, b, c in June 2026, where `column` of event b is set to `value`
    /// with the CHECK constraints off, as another program could.
    private func database(_ directory: TemporaryDirectory, column: String, value: String) throws -> Database {
        let database = try makeDatabase(in: directory)
        try EventStore(database).importPlan(
            [plannedEvent("a", day: 1), plannedEvent("b", day: 2), plannedEvent("c", day: 3)],
            seasonID: "s2026", reason: "plan", actor: "a", at: fixtureNow)
        try database.execute("PRAGMA ignore_check_constraints=1")
        try database.execute("UPDATE events SET \(column) = ? WHERE id = 'b'", [value])
        try database.execute("PRAGMA ignore_check_constraints=0")
        return database
    }

    @Test(arguments: [
        ("date", "2027-02-30", MalformedRow.Expectation.date), ("local_start", "25:99", .time),
        ("local_end", "7pm", .time),
        ("status", "bogus", .oneOf(["proposed", "confirmed", "cancelled", "done", "withdrawn", "declined"])),
    ])
    func aBadEventRowIsRefusedByNameAndTheOthersStayReadable(
        column: String, value: String,
        expected: MalformedRow.Expectation
    ) throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try database(directory, column: column, value: value)
        let bad = MalformedRow(table: "events", rowID: "b", column: column, found: value, expected: expected)
        let store = EventStore(database)
        #expect(throws: StoreError.malformedRow(bad)) { try store.event(id: "b") }
        #expect(throws: StoreError.malformedRow(bad)) { try store.events() }
        let listing = try store.readableEvents()
        #expect(listing.events.map(\.id) == ["a", "c"])
        #expect(listing.unreadable == [bad])
        #expect(try database.check().contains(.malformedRow(bad)))
    }

    @Test func aBadSeasonDateAndABadHistoryTimeAreFoundByTheCheck() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try database(directory, column: "km", value: "-3")
        try database.execute("PRAGMA ignore_check_constraints=1")
        try database.execute("UPDATE seasons SET last_date = '2026-13-01' WHERE id = 's2026'")
        try database.execute("UPDATE event_history SET new_local_start = '19h' WHERE event_id = 'c'")
        let problems = try database.check()
        #expect(
            problems.contains(
                .malformedRow(
                    MalformedRow(
                        table: "seasons", rowID: "s2026", column: "last_date",
                        found: "2026-13-01", expected: .date))))
        #expect(
            problems.contains {
                if case .malformedRow(let row) = $0 { row.table == "event_history" && row.column == "new_local_start" } else { false }
            })
        #expect(
            problems.contains(
                .malformedRow(
                    MalformedRow(
                        table: "events", rowID: "b", column: "km", found: "-3.0",
                        expected: .nonNegativeDistance))))
        #expect(throws: StoreError.self) { try SeasonStore(database).season(id: "s2026") }
    }
}
