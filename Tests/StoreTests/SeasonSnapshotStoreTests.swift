import Store
import TestSupport
import Testing
import TextFormats

@Suite struct SeasonSnapshotStoreTests {
    static func snapshot(_ files: [(String, String)], at now: Int64 = fixtureNow) -> SeasonSnapshot {
        SeasonSnapshot(
            seasonID: "s2026", folder: "/saisons/s2026", importedAt: now, importedBy: "anne",
            files: files.map { SeasonSnapshot.File(name: $0.0, content: $0.1) })
    }

    @Test func theKeptSeasonIsReadBackAsItWasImportedAndAReplacementDropsTheOldFiles() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try makeDatabase(in: directory)
        let store = SeasonSnapshotStore(database)
        #expect(try store.snapshot(seasonID: "s2026") == nil)
        let first = Self.snapshot([
            ("season.json", "{\"name\": \"Été\"}\n"), ("communes.csv", "insee\n52448\n"), ("vacances.csv", "zone\n"),
        ])
        try store.replace(with: first)
        #expect(try store.snapshot(seasonID: "s2026") == first)
        let second = Self.snapshot([("season.json", "{\"name\": \"Été 2\"}\n"), ("communes.csv", "insee\n52448\n")], at: fixtureNow + 9)
        try store.replace(with: second)
        #expect(try store.snapshot(seasonID: "s2026") == second)
        #expect(try database.queryOne("SELECT count(*) FROM season_files") { $0.int(0) } == 2)
        #expect(try database.check() == [])
        #expect(throws: StoreError.seasonNotFound(id: "nope")) {
            var other = second
            other.seasonID = "nope"
            try store.replace(with: other)
        }
    }

    @Test func lengthAndDigestAreThoseOfTheUTF8Bytes() throws {
        // FNV-1a 64 of "a" is af63dc4c8601ec8c (the published test vector).
        #expect(ContentDigest("a").hex == "af63dc4c8601ec8c")
        #expect(ContentDigest("").hex == "cbf29ce484222325")
        #expect(ContentDigest("Été").length == 5)
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try makeDatabase(in: directory)
        try SeasonSnapshotStore(database).replace(with: Self.snapshot([("season.json", "Été")]))
        let row = try database.queryOne("SELECT length, fnv1a64 FROM season_files") { ($0.int(0), $0.text(1)) }
        #expect(row?.0 == 5)
        #expect(row?.1 == ContentDigest("Été").hex)
    }

    /// A kept text changed behind the program's back (same length, so the schema's CHECK lets it
    /// through) no longer matches its digest: refused when read, named by `db check`.
    @Test func aKeptTextChangedByHandIsRefusedAndNamed() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try makeDatabase(in: directory)
        try SeasonSnapshotStore(database).replace(with: Self.snapshot([("season.json", "{\"minDaysBetweenVisits\": 21}")]))
        let longer = try #require(throws: DatabaseError.self) {
            try database.execute("UPDATE season_files SET content = '{}'")
        }
        #expect(longer.isConstraintViolation)
        try database.execute("UPDATE season_files SET content = '{\"minDaysBetweenVisits\": 12}'")
        let refused = try #require(throws: StoreError.self) { try SeasonSnapshotStore(database).snapshot(seasonID: "s2026") }
        guard case .malformedRow(let row) = refused else {
            Issue.record("\(refused)")
            return
        }
        #expect(row.table == "season_files")
        #expect(row.rowID == "s2026/season.json")
        #expect(try database.check().map(\.description).contains { $0.contains("season_files") && $0.contains("s2026/season.json") })
    }
}
