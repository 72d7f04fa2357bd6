import Store

/// The accounts of a database, changed only through the rules: names, passwords, roles and
/// the seasons and vehicle each may see. `tournee user` and the planners' pages both use it.
public struct AccountBook {
    private let database: Database

    /// The accounts of `database`.
    public init(_ database: Database) { self.database = database }

    /// The sign-in name `typed` stands for (lower case), or nil when it has other characters.
    public static func canonicalName(_ typed: String) -> String? {
        let name = typed.lowercased()
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)
        }
        return allowed && (1...64).contains(name.count) ? name : nil
    }

    /// Creates an account. Staff need one season or more and the vehicle they work with there;
    /// planners see the seasons given, or every season with `allSeasons`.
    @discardableResult
    public func add(
        name typed: String, role: AccountRole, password: String, vehicle: String?, seasons: [String], allSeasons: Bool, at now: Int64
    ) throws -> UserAccount {
        let name = try checkNew(name: typed, role: role, vehicle: vehicle, seasons: seasons, allSeasons: allSeasons)
        if let problem = PasswordRules.problem(password, name: name) { throw AccountError.weakPassword(problem) }
        let record: PasswordRecord
        do { record = try PasswordRecord.make(password: password) } catch { throw AccountError.noRandomness }
        return try database.transaction {
            _ = try checkNew(name: typed, role: role, vehicle: vehicle, seasons: seasons, allSeasons: allSeasons)
            return try UserStore(database).add(
                UserAccount(
                    id: 0, name: name, role: role, passwordHash: record.encoded, vehicle: vehicle, allSeasons: allSeasons,
                    seasons: seasons, createdAt: now, passwordChangedAt: now, disabledAt: nil))
        }
    }

    /// The canonical name of a new account once its name is free and its access follows the
    /// rules, so that a person is asked a password only for an account that can be created.
    @discardableResult
    public func checkNew(name typed: String, role: AccountRole, vehicle: String?, seasons: [String], allSeasons: Bool) throws -> String {
        guard let name = Self.canonicalName(typed) else { throw AccountError.invalidName(typed) }
        guard try UserStore(database).find(name: name) == nil else { throw AccountError.nameTaken(name) }
        try checkAccess(role: role, vehicle: vehicle, seasons: seasons, allSeasons: allSeasons)
        return name
    }

    /// Sets a new password; every session of the account ends.
    public func changePassword(name typed: String, to password: String, at now: Int64) throws {
        let account = try existing(typed)
        if let problem = PasswordRules.problem(password, name: account.name) { throw AccountError.weakPassword(problem) }
        let record: PasswordRecord
        do { record = try PasswordRecord.make(password: password) } catch { throw AccountError.noRandomness }
        try UserStore(database).setPassword(id: account.id, hash: record.encoded, at: now)
    }

    /// Disables the account (its sessions end at once) or enables it again. Returns whether
    /// anything changed.
    @discardableResult
    public func setDisabled(name typed: String, _ disabled: Bool, at now: Int64) throws -> Bool {
        let account = try existing(typed)
        guard (account.disabledAt != nil) != disabled else { return false }
        try UserStore(database).setDisabled(id: account.id, at: disabled ? now : nil)
        return true
    }

    /// The account named `typed`, or the error saying there is none.
    public func existing(_ typed: String) throws -> UserAccount {
        guard let name = Self.canonicalName(typed), let account = try UserStore(database).find(name: name) else {
            throw AccountError.unknownAccount(typed)
        }
        return account
    }

    private func checkAccess(role: AccountRole, vehicle: String?, seasons: [String], allSeasons: Bool) throws {
        let store = SeasonStore(database)
        for season in seasons where try store.season(id: season) == nil { throw AccountError.unknownSeason(season) }
        switch role {
        case .planner:
            guard vehicle == nil else { throw AccountError.vehicleForPlanner }
        case .staff:
            guard !seasons.isEmpty, !allSeasons else { throw AccountError.staffWithoutSeason }
            var known: Set<String> = []
            for season in seasons { known.formUnion(try EventStore(database).events(seasonID: season).map(\.planned.vehicle)) }
            guard let vehicle else {
                throw AccountError.vehicle("un compte staff a besoin de --vehicle (\(Self.listing(known)))")
            }
            guard known.contains(vehicle) else {
                throw AccountError.vehicle(
                    "véhicule « \(vehicle) » absent des soirées de \(seasons.joined(separator: ", ")) ; attendu \(Self.listing(known))")
            }
        }
    }

    private static func listing(_ vehicles: Set<String>) -> String {
        vehicles.isEmpty ? "aucune soirée importée pour l'instant" : "l'un de : " + vehicles.sorted().joined(separator: ", ")
    }
}
