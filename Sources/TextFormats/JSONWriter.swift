import Foundation

/// A JSON document to write: objects are written with sorted keys and numbers from fixed
/// literals, so the same value always gives the same bytes.
public indirect enum JSONOutput: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number, as the literal to write (`"12.5"`); see `number(_:decimals:)`.
    case number(String)
    case string(String)
    case array([JSONOutput])
    case object([String: JSONOutput])

    /// A number rounded to `decimals` places, written without exponent or trailing noise.
    public static func number(_ value: Double, decimals: Int) -> JSONOutput {
        .number(fixed(value, decimals: decimals))
    }

    /// An integer.
    public static func integer(_ value: Int) -> JSONOutput { .number(String(value)) }

    /// The document, pretty-printed with two-space indents and a final newline. O(size).
    public func rendered() -> String {
        var text = ""
        write(into: &text, indent: "")
        return text + "\n"
    }

    private func write(into text: inout String, indent: String) {
        switch self {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .number(let literal): text += literal
        case .string(let value): JSONOutput.writeString(value, into: &text)
        case .array(let items):
            guard !items.isEmpty else {
                text += "[]"
                return
            }
            text += "[\n"
            for (index, item) in items.enumerated() {
                text += indent + "  "
                item.write(into: &text, indent: indent + "  ")
                text += index == items.count - 1 ? "\n" : ",\n"
            }
            text += indent + "]"
        case .object(let members):
            guard !members.isEmpty else {
                text += "{}"
                return
            }
            text += "{\n"
            let keys = members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            for (index, key) in keys.enumerated() {
                text += indent + "  "
                JSONOutput.writeString(key, into: &text)
                text += ": "
                members[key]!.write(into: &text, indent: indent + "  ")
                text += index == keys.count - 1 ? "\n" : ",\n"
            }
            text += indent + "}"
        }
    }

    private static func writeString(_ value: String, into text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }

    /// `value` with exactly `decimals` decimals, "-0" normalised to "0".
    public static func fixed(_ value: Double, decimals: Int) -> String {
        let scale = pow10(decimals)
        let rounded = (value * scale).rounded() / scale
        var text = String(format: "%.\(decimals)f", rounded == 0 ? 0 : rounded)
        if text.hasPrefix("-0"), Double(text) == 0 { text.removeFirst() }
        return text
    }

    private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { value, _ in value * 10 } }
}
