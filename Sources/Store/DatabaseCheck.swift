extension Database {
    /// Runs `PRAGMA integrity_check` and `PRAGMA foreign_key_check`, then reads every row the
    /// program interprets (seasons, events, their history, partners, the outbox) as the stores
    /// do, and returns every problem found; empty means the database is sound. O(database size).
    public func check() throws -> [IntegrityProblem] {
        try readTransaction {
            // A row may hold several lines under a "*** in database main ***" heading: one problem each.
            let integrity = try query("PRAGMA integrity_check") { $0.text(0) }
                .flatMap { $0.split(separator: "\n").map(String.init) }
                .filter { $0 != "ok" && !$0.hasPrefix("*** in database ") }
                .map(IntegrityProblem.integrity)
            let foreignKeys = try query("PRAGMA foreign_key_check") { row in
                IntegrityProblem.foreignKey(
                    table: row.text(0), rowID: row.optionalInt64(1),
                    parent: row.text(2))
            }
            var unreadable: [MalformedRow] = []
            unreadable += try malformedRows(
                "SELECT id, name, first_date, last_date, time_zone FROM seasons ORDER BY id",
                SeasonStore.season)
            unreadable += try EventStore(self).readableEvents().unreadable
            unreadable += try malformedRows(
                "SELECT \(EventStore.historyColumns) FROM event_history ORDER BY id", EventStore.change)
            unreadable += try malformedRows(
                "SELECT \(SeasonSnapshotStore.fileColumns) FROM season_files ORDER BY season_id, position", SeasonSnapshotStore.file)
            unreadable += try malformedRows("SELECT id, name, kind FROM partners ORDER BY id", PartnerStore.partner)
            unreadable += try malformedRows("SELECT \(OutboxStore.entryColumns) FROM outbox ORDER BY id", OutboxStore.entry)
            return integrity + foreignKeys + unreadable.map(IntegrityProblem.malformedRow)
        }
    }

    /// The rows of `sql` that `read` refuses as malformed.
    private func malformedRows<T>(_ sql: String, _ read: (Statement) throws -> T) throws -> [MalformedRow] {
        try query(sql) { statement -> MalformedRow? in
            do {
                _ = try read(statement)
                return nil
            } catch StoreError.malformedRow(let row) {
                return row
            }
        }.compactMap { $0 }
    }
}
