import Planning
import TextFormats

/// One JSON object on one line, keys in the order given (JSON Lines): the shape of `tournee bench`'s
/// output, which scripts read line by line and people read by eye.
struct JSONLine {
    private var members: [(key: String, value: JSONOutput)] = []

    /// Appends a scalar member; a repeated key or a nested value is a programmer error.
    mutating func append(_ key: String, _ value: JSONOutput) {
        precondition(!members.contains { $0.key == key }, "JSON key \(key) given twice")
        switch value {
        case .array, .object: preconditionFailure("JSONLine holds scalars only (\(key))")
        case .null, .bool, .number, .string: break
        }
        members.append((key, value))
    }

    /// `{"key": value, …}` without a newline. O(size).
    var text: String {
        let parts = members.map { Self.scalar(.string($0.key)) + ": " + Self.scalar($0.value) }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    private static func scalar(_ value: JSONOutput) -> String {
        String(value.rendered().dropLast())
    }
}
