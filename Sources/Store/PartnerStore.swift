import Foundation

/// Finds, creates and lists partners, de-duplicated by normalised name and kind.
public struct PartnerStore {
    private let database: Database

    /// A store on `database`.
    public init(_ database: Database) { self.database = database }

    /// The key two names share when they denote the same partner: case, accents, ligatures,
    /// apostrophes, hyphens and spacing are ignored ("Les Amis du Dér" = "les  amis-du-der").
    /// O(length).
    public static func normalizedName(_ name: String) -> String {
        let folded =
            name
            .replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "Œ", with: "oe")
            .replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "Æ", with: "ae")
            .folding(
                options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive],
                locale: Locale(identifier: "fr_FR"))
        let words = folded.unicodeScalars
            .map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " }
        return String(words).split(separator: " ").joined(separator: " ")
    }

    /// The partner with this name and kind, created if absent; returns the stored record.
    @discardableResult
    public func findOrCreate(name: String, kind: PartnerKind) throws -> Partner {
        let tidy = name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let key = Self.normalizedName(tidy)
        guard !key.isEmpty else {
            throw StoreError.invalidValue(field: "partner name", reason: "empty or without letters")
        }
        return try database.transaction {
            try database.execute(
                """
                INSERT INTO partners (name, normalized_name, kind) VALUES (?, ?, ?)
                ON CONFLICT (normalized_name, kind) DO NOTHING
                """, [tidy, key, kind.rawValue])
            guard
                let partner = try database.queryOne(
                    "SELECT id, name, kind FROM partners WHERE normalized_name = ? AND kind = ?",
                    [key, kind.rawValue], row: Self.partner)
            else {
                throw StoreError.invalidValue(field: "partner name", reason: "vanished during insert")
            }
            return partner
        }
    }

    /// Every partner, optionally of one kind, by kind then normalised name. O(partners).
    public func all(kind: PartnerKind? = nil) throws -> [Partner] {
        try database.query(
            """
            SELECT id, name, kind FROM partners WHERE (?1 IS NULL OR kind = ?1)
            ORDER BY kind, normalized_name, id
            """, [kind?.rawValue], row: Self.partner)
    }

    static func partner(_ statement: Statement) throws(StoreError) -> Partner {
        let row = StoredRow(statement, table: "partners", idColumn: 0)
        return Partner(id: statement.int64(0), name: statement.text(1), kind: try row.choice(PartnerKind.self, 2, "kind"))
    }
}
