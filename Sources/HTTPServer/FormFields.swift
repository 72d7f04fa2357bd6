import Cryptography

/// The fields of an HTML form as the browser sends them, `application/x-www-form-urlencoded`
/// (the WHATWG URL standard): `name=value` pairs joined by `&`, `+` for a space, percent escapes
/// for the rest. A malformed escape, bytes that are not UTF-8 or a control character other than
/// a line break refuse the whole form: a handler sees only clean text.
public struct FormFields: Equatable, Sendable {
    /// The most pairs a form may hold; a form of Tournée has a few dozen.
    public static let maximumPairs = 500

    /// The pairs in the order sent.
    public let pairs: [(name: String, value: String)]

    /// The fields of a request body or a query; nil when malformed or over `maximumPairs`.
    public init?(_ bytes: some Collection<UInt8>) {
        var pairs: [(String, String)] = []
        for piece in bytes.split(separator: UInt8(ascii: "&")) {
            guard pairs.count < Self.maximumPairs else { return nil }
            let parts = piece.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(Array(parts[0])), let value = Self.decode(parts.count > 1 ? Array(parts[1]) : []) else {
                return nil
            }
            pairs.append((name, value))
        }
        self.pairs = pairs
    }

    /// The fields of `request`'s body when it is a form; nil otherwise.
    public init?(body request: HTTPRequest) {
        let type = request.headers["Content-Type"]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard type == "application/x-www-form-urlencoded" else { return nil }
        self.init(request.body)
    }

    /// The last value of field `name`, nil when absent.
    public subscript(name: String) -> String? { pairs.last { $0.name == name }?.value }

    /// Every value of field `name`, in order.
    public func values(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    public static func == (lhs: FormFields, rhs: FormFields) -> Bool {
        lhs.pairs.map(\.name) == rhs.pairs.map(\.name) && lhs.pairs.map(\.value) == rhs.pairs.map(\.value)
    }

    private static func decode(_ raw: some Collection<UInt8>) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index != raw.endIndex {
            let byte = raw[index]
            index = raw.index(after: index)
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard index != raw.endIndex, let high = Hexadecimal.value(of: raw[index]) else { return nil }
                let next = raw.index(after: index)
                guard next != raw.endIndex, let low = Hexadecimal.value(of: raw[next]) else { return nil }
                bytes.append(high << 4 | low)
                index = raw.index(after: next)
            default: bytes.append(byte)
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self),
            !text.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t") || $0.value == 0x7f })
        else { return nil }
        return text
    }
}
