import Foundation
import TextFormats

/// Road distances and times between places, imported from a CSV file `from,to,km,minutes`
/// keyed by INSEE code (for example computed with a routing engine on real roads).
public struct DistanceMatrixFile: Sendable {
    /// A directed pair of INSEE codes.
    public struct Pair: Hashable, Sendable {
        /// Origin INSEE code.
        public let from: String
        /// Destination INSEE code.
        public let to: String
    }

    /// Kilometres and minutes by directed pair.
    public let entries: [Pair: (km: Double, minutes: Double)]
    /// The file as named in messages.
    public let file: String

    /// The distance and time from one place to another, trying the reverse pair when the file
    /// gives only one direction.
    public func leg(from: String, to: String) -> (km: Double, minutes: Double)? {
        if from == to { return (0, 0) }
        return entries[Pair(from: from, to: to)] ?? entries[Pair(from: to, to: from)]
    }

    static func read(_ text: String, file: String, log: IssueLog) -> DistanceMatrixFile? {
        let table: CSVTable
        do { table = try CSVTable(text: text) } catch {
            log.error(file, line: error.line, key: nil, error.message)
            return nil
        }
        for duplicate in table.duplicateColumns {
            log.error(
                file, line: 1, key: "colonne \(duplicate.name)",
                "colonne en double dans l'en-tête (colonnes \(duplicate.first) et \(duplicate.second)) : une seule colonne de ce nom est attendue"
            )
        }
        guard table.duplicateColumns.isEmpty else { return nil }
        let names = ["from", "to", "km", "minutes"]
        let columns = names.compactMap { table.column($0) }
        guard columns.count == names.count else {
            log.error(file, line: 1, key: nil, "colonnes attendues : from,to,km,minutes (codes INSEE, kilomètres, minutes)")
            return nil
        }
        var entries: [Pair: (km: Double, minutes: Double)] = [:]
        let before = log.errorCount
        for row in table.rows {
            guard row.fields.count == table.header.count else {
                log.error(file, line: row.line, key: nil, "\(table.header.count) champs attendus, trouvé \(row.fields.count)")
                continue
            }
            let f = columns.map { row.fields[$0].trimmingCharacters(in: .whitespaces) }
            // A leg of infinite length (`inf`, `1e400`) would reach the solver as a cost no sum can compare.
            guard let km = DecimalNumber.value(f[2]), km >= 0, let minutes = DecimalNumber.value(f[3]), minutes >= 0 else {
                log.error(
                    file, line: row.line, key: "colonnes km/minutes",
                    "nombres positifs finis attendus, trouvé « \(ControlCharacters.visible(f[2])) » et « \(ControlCharacters.visible(f[3])) »"
                )
                continue
            }
            let pair = Pair(from: f[0], to: f[1])
            guard entries[pair] == nil else {
                log.error(
                    file, line: row.line, key: "from/to",
                    "paire \(ControlCharacters.visible(f[0])) → \(ControlCharacters.visible(f[1])) déjà donnée plus haut : une ligne par paire est attendue"
                )
                continue
            }
            entries[pair] = (km, minutes)
        }
        guard log.errorCount == before else { return nil }
        return DistanceMatrixFile(entries: entries, file: file)
    }
}
