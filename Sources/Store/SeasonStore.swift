/// Reads and writes seasons.
public struct SeasonStore {
    private let database: Database

    /// A store on `database`.
    public init(_ database: Database) { self.database = database }

    /// Inserts the season or updates its name and dates.
    public func save(_ season: Season) throws {
        try database.execute("""
            INSERT INTO seasons (id, name, first_date, last_date, time_zone) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, first_date = excluded.first_date,
                last_date = excluded.last_date, time_zone = excluded.time_zone
            """, [season.id, season.name, season.firstDate, season.lastDate, season.timeZone])
    }

    /// The season with this id, or nil.
    public func season(id: String) throws -> Season? {
        try database.queryOne(
            "SELECT id, name, first_date, last_date, time_zone FROM seasons WHERE id = ?",
            [id], row: Self.season)
    }

    /// Every season, by first date then id. O(seasons).
    public func all() throws -> [Season] {
        try database.query(
            "SELECT id, name, first_date, last_date, time_zone FROM seasons ORDER BY first_date, id",
            row: Self.season)
    }

    private static func season(_ row: Statement) -> Season {
        Season(id: row.text(0), name: row.text(1), firstDate: row.text(2), lastDate: row.text(3),
               timeZone: row.text(4))
    }
}
