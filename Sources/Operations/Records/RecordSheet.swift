import Foundation
import Planning
import Store
import TextFormats

/// A records sheet (CSV, RFC 4180, `,` or `;`) read into what staff typed for each evening,
/// each row remembering its line so that every refusal can name it.
///
/// Columns (header names, any order, case-insensitive): `event` (required), `attendance`
/// (required, except for corrections), `animations` and `partners` (several separated by `|`,
/// partners as `NAME:KIND`), `local_spend_eur`, `sales_eur`, `volunteers`, `weather`, `notes`.
/// An empty cell is a field not given: a correction keeps the record's value there.
public struct RecordSheet: Sendable {
    /// What a sheet's import does with its rows.
    public enum Mode: Sendable {
        /// Records each evening; `force` is the reason to record those the mairie never confirmed.
        case record(force: String?)
        /// Corrects each evening's record, for `reason`.
        case amend(reason: String)
    }

    /// What an import did.
    public struct Summary: Equatable, Sendable {
        /// Evenings recorded.
        public var recorded = 0
        /// Records corrected.
        public var corrected = 0
        /// Rows of a correction that changed nothing.
        public var unchanged = 0
    }

    /// The rows, in file order.
    public var entries: [RecordInput]
    /// The 1-based line of each entry.
    public var lines: [Int]

    /// The columns a sheet may have, in the order a template lists them.
    public static let columns = [
        "event", "attendance", "animations", "partners", "local_spend_eur",
        "sales_eur", "volunteers", "weather", "notes",
    ]

    /// Parses a sheet, reporting every bad row (line and column) rather than the first; the
    /// attendance is required on every row unless the sheet corrects records (`amend`). O(size).
    public static func parse(_ text: String, file: String, amend: Bool = false) throws(RecordsError) -> RecordSheet {
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
        for required in amend ? ["event"] : ["event", "attendance"] where table.column(required) == nil {
            problems.append(.init(file: file, line: 1, key: required, message: "colonne obligatoire absente"))
        }
        guard problems.isEmpty else { throw RecordsError(problems) }
        var sheet = RecordSheet(entries: [], lines: [])
        for row in table.rows {
            func field(_ name: String) -> String {
                guard let index = table.column(name), index < row.fields.count else { return "" }
                return row.fields[index].trimmingCharacters(in: .whitespaces)
            }
            func list(_ name: String) -> [String]? { field(name).isEmpty ? nil : RecordFields.list(field(name)) }
            guard row.fields.count == table.header.count else {
                problems.append(.init(file: file, line: row.line, message: "\(row.fields.count) champs au lieu de \(table.header.count)"))
                continue
            }
            do {
                let input = try RecordFields.input(
                    event: field("event"), attendance: field("attendance"), animations: list("animations"),
                    partners: list("partners"), localSpend: field("local_spend_eur"), sales: field("sales_eur"),
                    volunteers: field("volunteers"), weather: field("weather"), notes: field("notes"))
                if !amend, input.record == nil {
                    problems.append(.init(file: file, line: row.line, key: "attendance", message: "nombre de personnes manquant"))
                    continue
                }
                sheet.entries.append(input)
                sheet.lines.append(row.line)
            } catch {
                problems.append(.init(file: file, line: row.line, key: error.key, message: error.message))
            }
        }
        guard problems.isEmpty else { throw RecordsError(problems) }
        return sheet
    }

    /// Writes every row or none, each under the rules of `EveningRecording` (in its own savepoint,
    /// so that every refused row is named with its line before everything is rolled back).
    /// O(entries).
    @discardableResult
    public func importRecords(into database: Database, file: String, mode: Mode, actor: String, at now: Int64) throws -> Summary {
        let recording = EveningRecording(database)
        return try database.transaction {
            var summary = Summary()
            var problems: [RecordsError.Problem] = []
            for (entry, line) in zip(entries, lines) {
                do {
                    switch mode {
                    case .record(let force):
                        guard let record = entry.record else {
                            problems.append(.init(file: file, line: line, key: "attendance", message: "nombre de personnes manquant"))
                            continue
                        }
                        try recording.record(record, force: force, actor: actor, at: now)
                        summary.recorded += 1
                    case .amend(let reason):
                        if try recording.amend(entry, reason: reason, actor: actor, at: now) == nil {
                            summary.unchanged += 1
                        } else {
                            summary.corrected += 1
                        }
                    }
                } catch let error as StoreError {
                    problems.append(.init(file: file, line: line, key: "event \(entry.eventID)", message: StoreText.french(error)))
                } catch let error as RecordingRefusal {
                    problems.append(.init(file: file, line: line, key: "event \(entry.eventID)", message: error.reason))
                } catch let error as DatabaseError {
                    let message = DatabaseFailureText.french(error, path: nil)
                    problems.append(.init(file: file, line: line, key: "event \(entry.eventID)", message: message))
                }
            }
            guard problems.isEmpty else { throw RecordsError(problems) }
            return summary
        }
    }
}
