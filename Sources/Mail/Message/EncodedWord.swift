/// RFC 2047 encoded words in UTF-8 with the "Q" encoding, for non-ASCII header text.
enum EncodedWord {
    /// Where the words go: `*text` (Subject, unstructured) or a `phrase` (display name), which allows fewer literals (RFC 2047 §5).
    enum Context { case text, phrase }

    private static let prefix = "=?UTF-8?Q?"
    private static let suffix = "?="
    /// An encoded word is at most 75 characters (RFC 2047 §2).
    static let maximumLength = 75

    /// Splits `text` into encoded words, the first at most `firstWordLength` characters and the others 75
    /// (RFC 2047 §2), never splitting a UTF-8 sequence (RFC 2047 §5(3)). O(n).
    static func encode(_ text: String, firstWordLength: Int, context: Context) -> [String] {
        let overhead = prefix.count + suffix.count
        var budget = min(firstWordLength, maximumLength) - overhead
        precondition(budget >= 12, "encoded-word budget too small for one UTF-8 scalar")
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            let piece = encode(scalar, context: context)
            if current.count + piece.count > budget {
                words.append(prefix + current + suffix)
                current = ""
                budget = maximumLength - overhead
            }
            current += piece
        }
        if !current.isEmpty || words.isEmpty { words.append(prefix + current + suffix) }
        return words
    }

    private static func encode(_ scalar: Unicode.Scalar, context: Context) -> String {
        if scalar == " " { return "_" }
        var piece = ""
        for byte in String(scalar).utf8 {
            if isLiteral(byte, context: context) {
                piece.append(Character(Unicode.Scalar(byte)))
            } else {
                piece += "=" + Hex.byte(byte)
            }
        }
        return piece
    }

    private static func isLiteral(_ byte: UInt8, context: Context) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"):
            return true
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "'"):
            return context == .text
        default:
            return false
        }
    }
}

/// Upper-case hexadecimal digits, as RFC 2045 §6.7 and RFC 2047 §4.2 require.
enum Hex {
    private static let digits = Array("0123456789ABCDEF".utf8)

    /// Two upper-case hex digits for `byte`.
    static func byte(_ byte: UInt8) -> String {
        String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
    }
}
