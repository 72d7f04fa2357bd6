import Foundation
import Planning
import Store
import TextFormats

/// A records sheet (CSV, RFC 4180, `,` or `;`) read into evening records, each remembering its
/// line so that the store's per-row failures can name it.
///
/// Columns (header names, any order, case-insensitive): `event` (required), `attendance`
/// (required), `animations` and `partners` (several separated by `|`, partners as `NAME:KIND`),
/// `local_spend_eur`, `sales_eur`, `volunteers`, `weather`, `notes`.
public struct RecordSheet: Sendable {
    /// The records, in file order.
    public var entries: [NewEveningRecord]
    /// The 1-based line of each entry.
    public var lines: [Int]

    /// The columns a sheet may have, in the order a template lists them.
    public static let columns = [
        "event", "attendance", "animations", "partners", "local_spend_eur",
        "sales_eur", "volunteers", "weather", "notes",
    ]

    /// Parses a sheet, reporting every bad row (line and column) rather than the first. O(size).
    public static func parse(_ text: String, file: String) throws(RecordsError) -> RecordSheet {
        let table: CSVTable
        do { table = try CSVTable(text: text) } catch {
            throw RecordsError([.init(file: file, line: error.line, message: error.message)])
        }
        var problems: [RecordsError.Problem] = []
        let unknown = table.header.filter { !columns.contains($0.lowercased()) }
        if !unknown.isEmpty {
            problems.append(
                .init(
                    file: file, line: 1,
                    message: "colonne(s) inconnue(s) : \(unknown.joined(separator: ", ")) ; attendues : \(columns.joined(separator: ", "))")
            )
        }
        for required in ["event", "attendance"] where table.column(required) == nil {
            problems.append(.init(file: file, line: 1, key: required, message: "colonne obligatoire absente"))
        }
        guard problems.isEmpty else { throw RecordsError(problems) }
        var sheet = RecordSheet(entries: [], lines: [])
        for row in table.rows {
            func field(_ name: String) -> String {
                guard let index = table.column(name), index < row.fields.count else { return "" }
                return row.fields[index].trimmingCharacters(in: .whitespaces)
            }
            guard row.fields.count == table.header.count else {
                problems.append(.init(file: file, line: row.line, message: "\(row.fields.count) champs au lieu de \(table.header.count)"))
                continue
            }
            do {
                let entry = try RecordFields.entry(
                    event: field("event"), attendance: field("attendance"),
                    animations: RecordFields.list(field("animations")),
                    partners: RecordFields.list(field("partners")),
                    localSpend: field("local_spend_eur"), sales: field("sales_eur"),
                    volunteers: field("volunteers"), weather: field("weather"), notes: field("notes"))
                sheet.entries.append(entry)
                sheet.lines.append(row.line)
            } catch {
                problems.append(.init(file: file, line: row.line, key: error.key, message: error.message))
            }
        }
        guard problems.isEmpty else { throw RecordsError(problems) }
        return sheet
    }

    /// Imports every entry or none; a store refusal (unknown event, already recorded…) names
    /// the row's line. O(entries).
    @discardableResult
    public func importRecords(
        into database: Database, file: String, actor: String,
        at now: Int64
    ) throws -> [Int64] {
        do {
            return try RecordStore(database).importRecords(entries, actor: actor, at: now)
        } catch StoreError.importFailed(let failures) {
            throw RecordsError(
                failures.map {
                    .init(file: file, line: lines[$0.row], key: "event \($0.eventID)", message: StoreText.french($0.reason))
                })
        }
    }
}

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

    /// A record from its typed fields (empty text: not given).
    public static func entry(
        event: String, attendance: String, animations: [String], partners: [String],
        localSpend: String, sales: String, volunteers: String, weather: String,
        notes: String
    ) throws(RecordFieldError) -> NewEveningRecord {
        guard !event.isEmpty else { throw RecordFieldError(key: "event", message: "identifiant de soirée manquant") }
        guard let people = try count(attendance, "attendance") else {
            throw RecordFieldError(key: "attendance", message: "nombre de personnes manquant")
        }
        var references: [PartnerReference] = []
        for partner in partners { references.append(try self.partner(partner)) }
        return NewEveningRecord(
            eventID: event, attendance: people, animations: animations, partners: references,
            localSpendCents: try euros(localSpend, "local_spend_eur"),
            salesCents: try euros(sales, "sales_eur"),
            volunteers: try count(volunteers, "volunteers"),
            weather: weather.isEmpty ? nil : weather, notes: notes.isEmpty ? nil : notes)
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

    /// A non-negative whole number, or nil when empty.
    public static func count(_ text: String, _ key: String) throws(RecordFieldError) -> Int? {
        guard !text.isEmpty else { return nil }
        guard let value = Int(text), value >= 0, value <= 1_000_000 else {
            throw RecordFieldError(key: key, message: "nombre entier positif ou nul attendu, trouvé « \(text) »")
        }
        return value
    }

    /// Euros with at most two decimals (`1234,50`, `1234.5`, `1 234,50`) as cents, nil when empty.
    public static func euros(_ text: String, _ key: String) throws(RecordFieldError) -> Int? {
        guard !text.isEmpty else { return nil }
        let compact = text.filter { $0 != " " && $0 != "\u{202F}" && $0 != "\u{A0}" }
            .replacingOccurrences(of: ",", with: ".")
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
}
