/// A strict RFC 8259 JSON parser that records the line of every value.
///
/// Duplicate keys are rejected (RFC 8259 §4 leaves them undefined; in a season file they are a
/// mistake). Cost: O(size of the text).
public struct JSONParser {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    /// Parses a whole document.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue.Located {
        var parser = JSONParser(bytes: Array(text.utf8))
        parser.skipByteOrderMark()
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else {
            throw parser.error("texte en trop après la fin du document JSON")
        }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func skipByteOrderMark() {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\n"): line += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
            default: return
            }
            index += 1
        }
    }

    private func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(line: line, message: message)
    }

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue.Located {
        guard depth < 200 else { throw error("imbrication trop profonde") }
        guard index < bytes.count else { throw error("fin de fichier inattendue : une valeur était attendue") }
        let startLine = line
        let value: JSONValue
        switch bytes[index] {
        case UInt8(ascii: "{"): value = try parseObject(depth: depth)
        case UInt8(ascii: "["): value = try parseArray(depth: depth)
        case UInt8(ascii: "\""): value = .string(try parseString())
        case UInt8(ascii: "t"):
            try expectWord("true")
            value = .bool(true)
        case UInt8(ascii: "f"):
            try expectWord("false")
            value = .bool(false)
        case UInt8(ascii: "n"):
            try expectWord("null")
            value = .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = try parseNumber()
        default:
            throw error("caractère inattendu « \(ControlCharacters.visible(currentCharacter)) » : une valeur JSON était attendue")
        }
        return JSONValue.Located(value: value, line: startLine)
    }

    private var currentCharacter: String {
        let end = min(bytes.count, index + 4)
        return String(String(decoding: bytes[index..<end], as: UTF8.self).prefix(1))
    }

    private mutating func expectWord(_ word: String) throws(JSONSyntaxError) {
        let expected = Array(word.utf8)
        guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw error("mot inconnu : true, false ou null était attendu")
        }
        index += expected.count
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        index += 1
        var members: [JSONValue.Member] = []
        // A set, not a search of `members`: an object of many keys must not be read in quadratic time.
        var keys = Set<String>()
        skipWhitespace()
        if skip(UInt8(ascii: "}")) { return .object(members) }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error("une clé entre guillemets était attendue")
            }
            let keyLine = line
            let key = try parseString()
            if !keys.insert(key).inserted {
                throw JSONSyntaxError(line: keyLine, message: "clé « \(ControlCharacters.visible(key)) » en double dans le même objet")
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("« : » était attendu après la clé « \(ControlCharacters.visible(key)) »")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue(depth: depth + 1)
            members.append(JSONValue.Member(key: key, line: keyLine, value: value))
            let another = try anotherElementFollows(
                closer: UInt8(ascii: "}"), endOfText: "fin de fichier dans un objet : « } » était attendu",
                otherwise: "« , » ou « } » était attendu après la valeur de « \(ControlCharacters.visible(key)) »")
            if !another { return .object(members) }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        index += 1
        var items: [JSONValue.Located] = []
        skipWhitespace()
        if skip(UInt8(ascii: "]")) { return .array(items) }
        while true {
            skipWhitespace()
            items.append(try parseValue(depth: depth + 1))
            let another = try anotherElementFollows(
                closer: UInt8(ascii: "]"), endOfText: "fin de fichier dans une liste : « ] » était attendu",
                otherwise: "« , » ou « ] » était attendu dans la liste")
            if !another { return .array(items) }
        }
    }

    /// Consumes `byte` when it comes next.
    private mutating func skip(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// After a member or an item: consumes the `,` that announces another (true) or the `closer`
    /// that ends the object or list (false); the end of the text or anything else is an error.
    private mutating func anotherElementFollows(
        closer: UInt8, endOfText: String, otherwise unexpected: @autoclosure () -> String
    ) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        guard index < bytes.count else { throw error(endOfText) }
        if skip(UInt8(ascii: ",")) { return true }
        if skip(closer) { return false }
        throw error(unexpected())
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1
        var scalars: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escape)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try parseUnicodeEscape()
                    scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw error("échappement inconnu « \\\(Character(UnicodeScalar(escape))) » dans un texte")
                }
            case 0x00..<0x20:
                throw error("caractère de contrôle ou fin de ligne dans un texte : un guillemet fermant manque-t-il ?")
            default:
                scalars.append(byte)
                index += 1
            }
        }
        throw error("texte jamais refermé : un guillemet fermant manque")
    }

    private mutating func parseUnicodeEscape() throws(JSONSyntaxError) -> UnicodeScalar {
        let high = try parseHex4()
        if (0xD800..<0xDC00).contains(high) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw error("demi-paire UTF-16 isolée dans un échappement \\u")
            }
            index += 2
            let low = try parseHex4()
            guard (0xDC00..<0xE000).contains(low),
                let scalar = UnicodeScalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            else {
                throw error("paire UTF-16 invalide dans un échappement \\u")
            }
            return scalar
        }
        guard let scalar = UnicodeScalar(high) else { throw error("échappement \\u invalide") }
        return scalar
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard bytes.count - index >= 4 else { throw error("échappement \\u incomplet") }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            guard let digit = hexDigit(byte) else { throw error("échappement \\u : 4 chiffres hexadécimaux attendus") }
            value = value * 16 + digit
        }
        index += 4
        return value
    }

    private func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("nombre invalide : un chiffre était attendu") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw error("nombre invalide : pas de zéro en tête") }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw error("nombre invalide : un chiffre était attendu après le point décimal")
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("nombre invalide : exposant sans chiffre") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let literal = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(literal), value.isFinite else { throw error("nombre hors limites : \(literal)") }
        return .number(value, literal: literal)
    }
}

/// A JSON document that is not well-formed.
public struct JSONSyntaxError: Error, Equatable, Sendable {
    /// The 1-based line where the parser stopped.
    public let line: Int
    /// What was expected, in French.
    public let message: String
}
