import TextFormats

/// The differences between two JSON values, key path by key path (`tours[1].to`): objects by
/// key, arrays by position, anything else by value.
enum JSONChanges {
    /// One difference.
    struct Change: Equatable {
        let path: String
        let kind: SeasonChange.Kind
        let detail: String
    }

    /// Every difference from `old` to `new`, in the new value's order. O(size of the values).
    static func between(_ old: JSONValue, _ new: JSONValue, path: String = "") -> [Change] {
        switch (old, new) {
        case (.object(let before), .object(let after)):
            var changes: [Change] = []
            for member in after {
                let inner = path.isEmpty ? member.key : path + "." + member.key
                if let previous = before.first(where: { $0.key == member.key }) {
                    changes += between(previous.value.value, member.value.value, path: inner)
                } else {
                    changes.append(Change(path: inner, kind: .added, detail: "« \(text(member.value.value)) »"))
                }
            }
            for member in before where !after.contains(where: { $0.key == member.key }) {
                let inner = path.isEmpty ? member.key : path + "." + member.key
                changes.append(Change(path: inner, kind: .removed, detail: "« \(text(member.value.value)) »"))
            }
            return changes
        case (.array(let before), .array(let after)):
            var changes: [Change] = []
            for index in 0..<max(before.count, after.count) {
                let inner = "\(path)[\(index)]"
                if index >= before.count {
                    changes.append(Change(path: inner, kind: .added, detail: "« \(text(after[index].value)) »"))
                } else if index >= after.count {
                    changes.append(Change(path: inner, kind: .removed, detail: "« \(text(before[index].value)) »"))
                } else {
                    changes += between(before[index].value, after[index].value, path: inner)
                }
            }
            return changes
        default:
            let (before, after) = (text(old), text(new))
            return before == after ? [] : [Change(path: path, kind: .changed, detail: "« \(before) » → « \(after) »")]
        }
    }

    /// The longest value shown in a change, in characters.
    static let shownLength = 80

    /// A value in one short line: scalars as written, arrays and objects in compact JSON, cut
    /// after `shownLength` characters.
    static func text(_ value: JSONValue) -> String {
        let full = compact(value)
        return full.count > shownLength ? String(full.prefix(shownLength - 1)) + "…" : full
    }

    private static func compact(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(_, let literal): literal
        case .string(let string): string
        case .array(let items): "[" + items.map { quoted($0.value) }.joined(separator: ", ") + "]"
        case .object(let members): "{" + members.map { "\"\($0.key)\": " + quoted($0.value.value) }.joined(separator: ", ") + "}"
        }
    }

    private static func quoted(_ value: JSONValue) -> String {
        if case .string(let string) = value { return "\"\(string)\"" }
        return compact(value)
    }
}
