/// A MIME media type with parameters, such as `text/calendar; method=PUBLISH; charset=UTF-8` (RFC 2045 §5.1).
public struct MediaType: Hashable, Sendable, CustomStringConvertible {
    /// The top-level type, e.g. `text`.
    public let type: String
    /// The subtype, e.g. `calendar`.
    public let subtype: String
    /// Parameters in the order given, e.g. `("method", "PUBLISH")`.
    public let parameters: [Parameter]

    /// One `attribute=value` pair of a media type.
    public struct Parameter: Hashable, Sendable {
        /// The attribute, a token.
        public let name: String
        /// The value, written as a token or a quoted string.
        public let value: String

        /// A parameter; validated when the media type is built.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Validates type, subtype and attribute names as tokens and values as printable ASCII. O(n).
    public init(type: String, subtype: String, parameters: [Parameter] = []) throws(MessageError) {
        for token in [type, subtype] + parameters.map(\.name) where !Self.isToken(token) {
            throw .invalidMediaType(token)
        }
        for parameter in parameters where !Self.isQuotable(parameter.value) {
            throw .invalidMediaType(parameter.value)
        }
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
    }

    /// The header form with parameters; values that are not tokens are quoted.
    public var description: String {
        headerTokens.joined(separator: " ")
    }

    /// Pieces a header may be folded between: after `type/subtype;` and after each parameter's semicolon.
    var headerTokens: [String] {
        let pieces = ["\(type)/\(subtype)"] + parameters.map { "\($0.name)=\(Self.quotedIfNeeded($0.value))" }
        return pieces.enumerated().map { index, piece in index < pieces.count - 1 ? piece + ";" : piece }
    }

    /// `token` of RFC 2045 §5.1: printable ASCII without space and tspecials.
    static func isToken(_ text: String) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy {
                $0.value > 32 && $0.value < 127 && !"()<>@,;:\\\"/[]?=".unicodeScalars.contains($0)
            }
    }

    /// Printable ASCII (space allowed) without the quote and backslash a quoted string would need to escape.
    static func isQuotable(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0.value >= 32 && $0.value < 127 && $0 != "\"" && $0 != "\\" }
    }

    /// `text` itself when it is a token, else `"text"` (only called on quotable text).
    static func quotedIfNeeded(_ text: String) -> String {
        isToken(text) ? text : "\"\(text)\""
    }
}
