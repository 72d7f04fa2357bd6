import Store

/// A field-level refusal: which field and why.
public struct RecordFieldError: Error, Equatable, Sendable {
    /// The column or option name.
    public var key: String
    /// What was expected.
    public var message: String

    /// Makes an error.
    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }
}

/// Turns typed text (a CSV row or command-line options) into a record, the same way for both.
public enum RecordFields {
    /// Splits a `|`-separated list, dropping blanks.
    public static func list(_ text: String) -> [String] {
        text.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// What was typed for an evening, each field read (empty text, or a nil list: not given).
    public static func input(
        event: String, attendance: String, animations: [String]?, partners: [String]?,
        localSpend: String, sales: String, volunteers: String, weather: String,
        notes: String
    ) throws(RecordFieldError) -> RecordInput {
        guard !event.isEmpty else { throw RecordFieldError(key: "event", message: "identifiant de soirée manquant") }
        var references: [PartnerReference] = []
        for partner in partners ?? [] { references.append(try self.partner(partner)) }
        let values = NewEveningRecord(
            eventID: event, attendance: try count(attendance, "attendance") ?? 0, animations: animations ?? [],
            partners: references, localSpendCents: try euros(localSpend, "local_spend_eur"),
            salesCents: try euros(sales, "sales_eur"), volunteers: try count(volunteers, "volunteers"),
            weather: weather.isEmpty ? nil : weather, notes: notes.isEmpty ? nil : notes)
        let typed: [(RecordField, Bool)] = [
            (.attendance, !attendance.isEmpty), (.animations, animations != nil), (.partners, partners != nil),
            (.localSpend, !localSpend.isEmpty), (.sales, !sales.isEmpty), (.volunteers, !volunteers.isEmpty),
            (.weather, !weather.isEmpty), (.notes, !notes.isEmpty),
        ]
        return RecordInput(values: values, given: Set(typed.filter(\.1).map(\.0)))
    }

    /// The kind words accepted, French and English, each with its kind.
    public static let kindWords: [(String, PartnerKind)] = [
        ("association", .association), ("producteur", .producer), ("producer", .producer),
        ("artiste", .artist), ("artist", .artist), ("food-truck", .foodTruck), ("food_truck", .foodTruck),
        ("foodtruck", .foodTruck), ("autre", .other), ("other", .other),
    ]

    /// `NAME:KIND` (the last colon separates, so names may hold colons).
    public static func partner(_ text: String) throws(RecordFieldError) -> PartnerReference {
        guard let colon = text.lastIndex(of: ":") else {
            throw RecordFieldError(key: "partners", message: "« \(text) » : NOM:TYPE attendu (ex. « Les Amis du Der:association »)")
        }
        let name = text[..<colon].trimmingCharacters(in: .whitespaces)
        let word = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces).lowercased()
        guard let kind = kindWords.first(where: { $0.0 == word })?.1 else {
            let accepted = ["association", "producteur", "artiste", "food-truck", "autre"].joined(separator: ", ")
            throw RecordFieldError(
                key: "partners", message: "type de partenaire inconnu « \(word) » pour « \(name) » ; types : \(accepted)")
        }
        guard !name.isEmpty else { throw RecordFieldError(key: "partners", message: "« \(text) » : nom de partenaire vide") }
        return PartnerReference(name: name, kind: kind)
    }

    /// A non-negative whole number as French hands write it (`1200`, `1 200`), or nil when empty.
    public static func count(_ text: String, _ key: String) throws(RecordFieldError) -> Int? {
        guard !text.isEmpty else { return nil }
        let digits = withoutGroupSpaces(text.trimmingCharacters(in: .whitespaces))
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits), value <= 1_000_000 else {
            throw RecordFieldError(key: key, message: "nombre entier positif ou nul attendu, trouvé « \(text) »")
        }
        return value
    }

    /// Euros with at most two decimals (`1234,50`, `1234.5`, `1 234,50`, `180 €`) as cents, nil
    /// when empty.
    public static func euros(_ text: String, _ key: String) throws(RecordFieldError) -> Int? {
        guard !text.isEmpty else { return nil }
        var amount = text.trimmingCharacters(in: .whitespaces)
        if amount.hasSuffix("€") { amount.removeLast() }
        let compact = withoutGroupSpaces(amount.trimmingCharacters(in: .whitespaces)).replacingOccurrences(of: ",", with: ".")
        let parts = compact.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts.first.map(String.init) ?? ""
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard parts.count <= 2, !whole.isEmpty, whole.allSatisfy(\.isASCII), let units = Int(whole), units >= 0,
            units < 100_000_000, fraction.count <= 2, fraction.allSatisfy({ $0.isASCII && $0.isNumber })
        else {
            throw RecordFieldError(key: key, message: "montant en euros positif ou nul attendu (ex. 1234,50), trouvé « \(text) »")
        }
        let cents = Int(fraction.padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0
        return units * 100 + cents
    }

    /// `text` without the spaces that group digits by thousands (space, no-break space, narrow
    /// no-break space — what a French keyboard or a spreadsheet puts in « 1 200 »).
    private static func withoutGroupSpaces(_ text: String) -> String {
        text.filter { $0 != " " && $0 != "\u{202F}" && $0 != "\u{A0}" }
    }
}
