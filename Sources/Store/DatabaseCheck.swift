extension Database {
    /// Runs `PRAGMA integrity_check` and `PRAGMA foreign_key_check` and returns every problem
    /// found; empty means the database is sound. O(database size).
    public func check() throws -> [IntegrityProblem] {
        try readTransaction {
            let integrity = try query("PRAGMA integrity_check") { $0.text(0) }
                .filter { $0 != "ok" }
                .map(IntegrityProblem.integrity)
            let foreignKeys = try query("PRAGMA foreign_key_check") { row in
                IntegrityProblem.foreignKey(table: row.text(0), rowID: row.optionalInt64(1),
                                            parent: row.text(2))
            }
            return integrity + foreignKeys
        }
    }
}
