/// A JSON value that remembers where it was written, so errors can name the line.
///
/// Season files are edited by hand; an error that says "line 12, tours[1].end" is one a planner
/// can act on, which Foundation's decoders do not give.
public indirect enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(Double, literal: String)
    case string(String)
    case array([Located])
    case object([Member])

    /// A value and the 1-based line where it starts.
    public struct Located: Sendable {
        /// The value.
        public let value: JSONValue
        /// The 1-based line where the value starts.
        public let line: Int
    }

    /// An object member: its key, the line of the key, and its value.
    public struct Member: Sendable {
        /// The key.
        public let key: String
        /// The 1-based line of the key.
        public let line: Int
        /// The value.
        public let value: Located
    }

    /// A short French name of the value's type, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "un booléen"
        case .number: "un nombre"
        case .string: "un texte"
        case .array: "une liste"
        case .object: "un objet"
        }
    }
}
