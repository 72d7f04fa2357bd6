import TextFormats

/// Reads and replaces the season kept beside its events (`season_snapshots`, `season_files`).
public struct SeasonSnapshotStore {
    private let database: Database

    /// A store on `database`.
    public init(_ database: Database) { self.database = database }

    /// Keeps `snapshot` as the season's, replacing the one kept before. The season must exist.
    public func replace(with snapshot: SeasonSnapshot) throws {
        try database.transaction {
            guard try SeasonStore(database).season(id: snapshot.seasonID) != nil else {
                throw StoreError.seasonNotFound(id: snapshot.seasonID)
            }
            try database.execute("DELETE FROM season_snapshots WHERE season_id = ?", [snapshot.seasonID])
            try database.execute(
                "INSERT INTO season_snapshots (season_id, folder, imported_at, imported_by) VALUES (?, ?, ?, ?)",
                [snapshot.seasonID, snapshot.folder, snapshot.importedAt, snapshot.importedBy])
            for (position, file) in snapshot.files.enumerated() {
                try database.execute(
                    """
                    INSERT INTO season_files (season_id, position, name, content, length, fnv1a64)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, [snapshot.seasonID, position, file.name, file.content, file.digest.length, file.digest.hex])
            }
        }
    }

    /// The season as last imported, or nil when none was kept (a database imported before
    /// seasons were kept). A file whose recorded length or digest disagrees with its text is
    /// refused as a malformed row. O(size of the files).
    public func snapshot(seasonID: String) throws -> SeasonSnapshot? {
        try database.readTransaction {
            guard
                let header = try database.queryOne(
                    "SELECT folder, imported_at, imported_by FROM season_snapshots WHERE season_id = ?", [seasonID],
                    row: { ($0.text(0), $0.int64(1), $0.text(2)) })
            else { return nil }
            let files = try database.query(
                "SELECT \(Self.fileColumns) FROM season_files WHERE season_id = ? ORDER BY position", [seasonID], row: Self.file)
            return SeasonSnapshot(seasonID: seasonID, folder: header.0, importedAt: header.1, importedBy: header.2, files: files)
        }
    }

    /// The columns `file(_:)` reads, in its order.
    static let fileColumns = "name, content, length, fnv1a64, season_id"

    /// Reads one `season_files` row; a text that disagrees with its recorded length or digest
    /// was changed behind the program's back.
    static func file(_ statement: Statement) throws(StoreError) -> SeasonSnapshot.File {
        let file = SeasonSnapshot.File(name: statement.text(0), content: statement.text(1))
        let row = MalformedRow(
            table: "season_files", rowID: "\(statement.text(4))/\(file.name)", column: "fnv1a64",
            found: "\(statement.int(2)) octets, fnv1a64 \(statement.text(3))", expected: .digest(file.digest.description))
        guard file.digest.length == statement.int(2), file.digest.hex == statement.text(3) else { throw .malformedRow(row) }
        return file
    }
}
