/// A person who signs in to `tourneed`'s pages, as stored.
public struct UserAccount: Equatable, Sendable {
    /// Row id.
    public var id: Int64
    /// The sign-in name, lower case (see `UserStore.canonicalName`).
    public var name: String
    /// What the person may do.
    public var role: AccountRole
    /// The PBKDF2 record of the password (its algorithm, cost, salt and hash; never the password).
    public var passwordHash: String
    /// The vehicle whose evenings a staff member records; nil for a planner.
    public var vehicle: String?
    /// Whether every season is open to the person, present and future.
    public var allSeasons: Bool
    /// The seasons open to the person when `allSeasons` is false, by id.
    public var seasons: [String]
    /// Unix seconds of creation.
    public var createdAt: Int64
    /// Unix seconds of the last password change (creation included).
    public var passwordChangedAt: Int64
    /// Unix seconds of the disabling, nil while the account may sign in.
    public var disabledAt: Int64?

    /// An account; `id` is ignored by `UserStore.add`, which gives the row id.
    public init(
        id: Int64, name: String, role: AccountRole, passwordHash: String, vehicle: String?, allSeasons: Bool, seasons: [String],
        createdAt: Int64, passwordChangedAt: Int64, disabledAt: Int64?
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.vehicle = vehicle
        self.allSeasons = allSeasons
        self.seasons = seasons
        self.createdAt = createdAt
        self.passwordChangedAt = passwordChangedAt
        self.disabledAt = disabledAt
    }

    /// Whether the person may see season `id`.
    public func mayOpen(season id: String) -> Bool { allSeasons || seasons.contains(id) }
}
