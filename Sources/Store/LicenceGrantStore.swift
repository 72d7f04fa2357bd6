import CivilTime

/// The drinks licences granted, one per evening: recorded again, the last record stands (a
/// date typed wrong is corrected by typing it again).
public struct LicenceGrantStore {
    private let database: Database

    /// A store on `database`.
    public init(_ database: Database) { self.database = database }

    /// Records that the licence of evening `eventID` was granted on `day`.
    public func grant(eventID: String, on day: CivilDate, reason: String, actor: String, at now: Int64) throws {
        try database.execute(
            """
            INSERT INTO licence_grants (event_id, granted_on, reason, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (event_id) DO UPDATE SET granted_on = excluded.granted_on, reason = excluded.reason,
                recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
            """, [eventID, day.description, reason, actor, now])
    }

    /// The day the licence of `eventID` was granted, nil while it is not.
    public func grantedOn(eventID: String) throws -> CivilDate? {
        try database.queryOne("SELECT granted_on, rowid FROM licence_grants WHERE event_id = ?", [eventID]) {
            statement throws(StoreError) in
            try StoredRow(statement, table: "licence_grants", idColumn: 1).date(0, "granted_on")
        }
    }

    /// The evenings whose licence was granted. O(grants).
    public func grantedEventIDs() throws -> Set<String> {
        Set(try database.query("SELECT event_id FROM licence_grants") { $0.text(0) })
    }
}
