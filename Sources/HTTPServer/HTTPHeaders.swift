/// Header fields in the order received or to be sent; names compare without case (RFC 9110
/// section 5.1). A request's fields hold only visible ASCII, spaces, tabs and obs-text (the
/// parser refuses the rest), so a value can never carry a line break into a response.
public struct HTTPHeaders: Hashable, Sendable, Sequence {
    /// The fields, names as written.
    public private(set) var fields: [(name: String, value: String)] = []

    /// No fields.
    public init() {}

    /// The given fields, in order.
    public init(_ fields: [(String, String)]) {
        for (name, value) in fields { append(name, value) }
    }

    /// Adds a field; one whose name or value holds a control character is dropped, so no handler
    /// can split a response with a header built from input.
    public mutating func append(_ name: String, _ value: String) {
        guard !name.isEmpty, name.utf8.allSatisfy(HTTPSyntax.isTokenCharacter),
            value.unicodeScalars.allSatisfy({ $0 == "\t" || ($0.value >= 0x20 && $0.value != 0x7f) })
        else { return }
        fields.append((name, value))
    }

    /// Replaces every field named `name` by one with `value`.
    public mutating func set(_ name: String, _ value: String) {
        fields.removeAll { $0.name.lowercased() == name.lowercased() }
        append(name, value)
    }

    /// The first value of `name`, if present.
    public subscript(name: String) -> String? { values(name).first }

    /// Every value of `name`, in order.
    public func values(_ name: String) -> [String] {
        let wanted = name.lowercased()
        return fields.filter { $0.name.lowercased() == wanted }.map(\.value)
    }

    /// Iterates over the fields in order.
    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { fields.makeIterator() }

    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.count == rhs.fields.count && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for field in fields {
            hasher.combine(field.name)
            hasher.combine(field.value)
        }
    }
}
