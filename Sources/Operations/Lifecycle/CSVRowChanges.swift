import Foundation
import TextFormats

/// The differences between two versions of a CSV table whose rows are named by a key column
/// (the communes by their INSEE code): rows added, removed or changed (with each changed
/// column), and columns added or removed.
enum CSVRowChanges {
    /// One difference.
    struct Change: Equatable {
        let subject: String
        let kind: SeasonChange.Kind
        let detail: String
    }

    /// Every difference, or nil when either table lacks the `key` column. `label` names the
    /// column shown beside the key ("commune 51315 (Landricourt)"). O(rows × columns).
    static func between(_ old: CSVTable, _ new: CSVTable, key: String, label: String) -> [Change]? {
        guard let oldKey = old.column(key), let newKey = new.column(key) else { return nil }
        var changes: [Change] = []
        for name in new.header where old.column(name) == nil {
            changes.append(Change(subject: "colonne \(name)", kind: .added, detail: ""))
        }
        for name in old.header where new.column(name) == nil {
            changes.append(Change(subject: "colonne \(name)", kind: .removed, detail: ""))
        }
        let before = rows(old, keyColumn: oldKey)
        let after = rows(new, keyColumn: newKey)
        func subject(_ code: String, _ row: CSVTable.Row, in table: CSVTable) -> String {
            let name = table.column(label).flatMap { field(row, $0) }.map { $0.isEmpty ? "" : " (\($0))" } ?? ""
            return "commune \(code)\(name)"
        }
        for (code, row) in after.ordered {
            guard let previous = before.byKey[code] else {
                changes.append(Change(subject: subject(code, row, in: new), kind: .added, detail: ""))
                continue
            }
            let fields = new.header.compactMap { name -> String? in
                guard let oldColumn = old.column(name), let newColumn = new.column(name) else { return nil }
                let (was, now) = (field(previous, oldColumn) ?? "", field(row, newColumn) ?? "")
                return was == now ? nil : "\(name) « \(was) » → « \(now) »"
            }
            if !fields.isEmpty {
                changes.append(Change(subject: subject(code, row, in: new), kind: .changed, detail: fields.joined(separator: ", ")))
            }
        }
        for (code, row) in before.ordered where after.byKey[code] == nil {
            changes.append(Change(subject: subject(code, row, in: old), kind: .removed, detail: ""))
        }
        return changes
    }

    /// The rows by key, first one kept, and in file order.
    private static func rows(_ table: CSVTable, keyColumn: Int) -> (ordered: [(String, CSVTable.Row)], byKey: [String: CSVTable.Row]) {
        var ordered: [(String, CSVTable.Row)] = []
        var byKey: [String: CSVTable.Row] = [:]
        for row in table.rows {
            guard let code = field(row, keyColumn), !code.isEmpty, byKey[code] == nil else { continue }
            byKey[code] = row
            ordered.append((code, row))
        }
        return (ordered, byKey)
    }

    private static func field(_ row: CSVTable.Row, _ column: Int) -> String? {
        column < row.fields.count ? row.fields[column].trimmingCharacters(in: .whitespaces) : nil
    }
}
