/// Reads and writes communes and their mairie contacts.
public struct CommuneStore {
    private let database: Database

    /// A store on `database`.
    public init(_ database: Database) { self.database = database }

    /// Inserts the commune or updates its fields (events referring to it keep their link).
    public func save(_ commune: CommuneRecord) throws {
        try database.execute(
            """
            INSERT INTO communes (insee, name, latitude, longitude, population, has_cafe)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (insee) DO UPDATE SET name = excluded.name, latitude = excluded.latitude,
                longitude = excluded.longitude, population = excluded.population,
                has_cafe = excluded.has_cafe
            """,
            [
                commune.insee, commune.name, commune.latitude, commune.longitude,
                commune.population, commune.hasCafe,
            ])
    }

    /// The commune with this INSEE code, or nil.
    public func commune(insee: String) throws -> CommuneRecord? {
        try database.queryOne(
            """
            SELECT insee, name, latitude, longitude, population, has_cafe FROM communes WHERE insee = ?
            """, [insee], row: Self.commune)
    }

    /// Every commune, by INSEE code. O(communes).
    public func all() throws -> [CommuneRecord] {
        try database.query(
            """
            SELECT insee, name, latitude, longitude, population, has_cafe FROM communes ORDER BY insee
            """, row: Self.commune)
    }

    /// Every commune's name by its INSEE code, for listings that show evenings by commune.
    public func names() throws -> [String: String] {
        Dictionary(
            try database.query("SELECT insee, name FROM communes") { ($0.text(0), $0.text(1)) }, uniquingKeysWith: { first, _ in first })
    }

    /// Replaces the commune's contacts with `contacts`, in that order, atomically. O(contacts).
    public func replaceContacts(insee: String, with contacts: [MairieContactRecord]) throws {
        try database.transaction {
            guard try commune(insee: insee) != nil else { throw StoreError.communeNotFound(insee: insee) }
            try database.execute("DELETE FROM mairie_contacts WHERE insee = ?", [insee])
            for (position, contact) in contacts.enumerated() {
                try database.execute(
                    """
                    INSERT INTO mairie_contacts (insee, position, name, role, email, phone)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, [insee, position, contact.name, contact.role, contact.email, contact.phone])
            }
        }
    }

    private static func commune(_ row: Statement) -> CommuneRecord {
        CommuneRecord(
            insee: row.text(0), name: row.text(1), latitude: row.double(2),
            longitude: row.double(3), population: row.optionalInt(4), hasCafe: row.bool(5))
    }

    /// The commune's contacts in the order given. O(contacts).
    public func contacts(insee: String) throws -> [MairieContactRecord] {
        try database.query(
            """
            SELECT name, role, email, phone FROM mairie_contacts WHERE insee = ? ORDER BY position
            """, [insee]
        ) {
            MairieContactRecord(
                name: $0.text(0), role: $0.optionalText(1), email: $0.optionalText(2),
                phone: $0.optionalText(3))
        }
    }
}
