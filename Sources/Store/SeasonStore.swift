/// Reads and writes seasons.
public struct SeasonStore {
    private let database: Database

    /// A store on `database`.
    public init(_ database: Database) { self.database = database }

    /// Inserts the season or updates its name and dates.
    public func save(_ season: SeasonRecord) throws {
        try database.execute(
            """
            INSERT INTO seasons (id, name, first_date, last_date, time_zone) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, first_date = excluded.first_date,
                last_date = excluded.last_date, time_zone = excluded.time_zone
            """, [season.id, season.name, season.firstDate, season.lastDate, season.timeZone])
    }

    /// The season with this id, or nil.
    public func season(id: String) throws -> SeasonRecord? {
        try database.queryOne(
            "SELECT id, name, first_date, last_date, time_zone FROM seasons WHERE id = ?",
            [id], row: Self.season)
    }

    /// Every season, by first date then id. O(seasons).
    public func all() throws -> [SeasonRecord] {
        try database.query(
            "SELECT id, name, first_date, last_date, time_zone FROM seasons ORDER BY first_date, id",
            row: Self.season)
    }

    static func season(_ statement: Statement) throws(StoreError) -> SeasonRecord {
        let row = StoredRow(statement, table: "seasons", idColumn: 0)
        let first = try row.date(2, "first_date")
        let last = try row.date(3, "last_date")
        guard first <= last else { throw row.fault(3, "last_date", .dateNotBefore(first)) }
        return SeasonRecord(
            id: statement.text(0), name: statement.text(1), firstDate: first, lastDate: last,
            timeZone: statement.text(4))
    }
}
