/// Creates, finds and changes the accounts of people who sign in to `tourneed`'s pages.
/// Disabling an account or changing its password ends its sessions in the same transaction.
public struct UserStore {
    private let database: Database

    /// A store on `database`.
    public init(_ database: Database) { self.database = database }

    /// The account that signs in as `name`, nil when there is none. O(log users).
    public func find(name: String) throws -> UserAccount? { try findOne("name = ?", name) }

    /// The account with row id `id`, nil when there is none.
    public func find(id: Int64) throws -> UserAccount? { try findOne("id = ?", id) }

    /// Every account, by name. O(users + grants).
    public func all() throws -> [UserAccount] {
        try database.readTransaction {
            try database.query("SELECT \(Self.columns) FROM users ORDER BY name", row: Self.account).map { account in
                var account = account
                account.seasons = try seasons(of: account.id)
                return account
            }
        }
    }

    /// Stores a new account (its `id` is ignored) and returns it with its row id. The caller has
    /// checked that the name is free and the seasons exist; a clash still fails on the
    /// database's UNIQUE and REFERENCES constraints.
    @discardableResult
    public func add(_ account: UserAccount) throws -> UserAccount {
        try database.transaction {
            try database.execute(
                """
                INSERT INTO users (name, role, password_hash, vehicle, all_seasons, created_at, password_changed_at, disabled_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    account.name, account.role.rawValue, account.passwordHash, account.vehicle, account.allSeasons ? 1 : 0,
                    account.createdAt, account.passwordChangedAt, account.disabledAt,
                ])
            var stored = account
            stored.id = database.lastInsertRowID
            for season in Set(account.seasons).sorted() {
                try database.execute("INSERT INTO user_seasons (user_id, season_id) VALUES (?, ?)", [stored.id, season])
            }
            stored.seasons = Set(account.seasons).sorted()
            return stored
        }
    }

    /// Replaces the password record of account `id` and ends every session it has.
    public func setPassword(id: Int64, hash: String, at now: Int64) throws {
        try database.transaction {
            try database.execute("UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?", [hash, now, id])
            try database.execute("DELETE FROM sessions WHERE user_id = ?", [id])
        }
    }

    /// Disables account `id` (nil `at`: enables it again); disabling ends every session it has.
    public func setDisabled(id: Int64, at: Int64?) throws {
        try database.transaction {
            try database.execute("UPDATE users SET disabled_at = ? WHERE id = ?", [at, id])
            if at != nil { try database.execute("DELETE FROM sessions WHERE user_id = ?", [id]) }
        }
    }

    private func findOne(_ condition: String, _ value: any SQLBindable) throws -> UserAccount? {
        try database.readTransaction {
            guard
                var account = try database.queryOne(
                    "SELECT \(Self.columns) FROM users WHERE \(condition)", [value], row: Self.account)
            else { return nil }
            account.seasons = try seasons(of: account.id)
            return account
        }
    }

    private func seasons(of user: Int64) throws -> [String] {
        try database.query("SELECT season_id FROM user_seasons WHERE user_id = ? ORDER BY season_id", [user]) { $0.text(0) }
    }

    static let columns = "id, name, role, password_hash, vehicle, all_seasons, created_at, password_changed_at, disabled_at"

    /// The account on the statement's row, without its season grants.
    static func account(_ statement: Statement) throws(StoreError) -> UserAccount {
        let row = StoredRow(statement, table: "users", idColumn: 0)
        return UserAccount(
            id: statement.int64(0), name: statement.text(1), role: try row.choice(AccountRole.self, 2, "role"),
            passwordHash: statement.text(3), vehicle: statement.optionalText(4), allSeasons: statement.bool(5), seasons: [],
            createdAt: statement.int64(6), passwordChangedAt: statement.int64(7), disabledAt: statement.optionalInt64(8))
    }
}
