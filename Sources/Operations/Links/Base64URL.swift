/// Base64url without padding (RFC 4648, section 5), the alphabet safe in a URL's path.
public enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// `bytes` in base64url without padding.
    public static func encode(_ bytes: [UInt8]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var bits = UInt32(0)
            for (position, byte) in chunk.enumerated() { bits |= UInt32(byte) << UInt32(16 - 8 * position) }
            for position in 0...chunk.count { text.append(alphabet[Int((bits >> UInt32(18 - 6 * position)) & 63)]) }
            index += 3
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The bytes of `text`, nil when a character is outside the alphabet. Whole bytes only: a
    /// text cut short decodes to its complete bytes, with `canonical` false when leftover bits
    /// (nonzero, or a lone sixth of a byte) show it is not what `encode` writes.
    static func decode(_ text: String) -> (bytes: [UInt8], canonical: Bool)? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count * 3 / 4)
        var bits = UInt32(0)
        var bitCount = 0
        for character in text.utf8 {
            guard let value = sextet(character) else { return nil }
            bits = (bits << 6) | value
            bitCount += 6
            if bitCount >= 8 {
                bitCount -= 8
                bytes.append(UInt8(truncatingIfNeeded: bits >> UInt32(bitCount)))
                bits &= (1 << UInt32(bitCount)) - 1
            }
        }
        return (bytes, bitCount < 6 && bits == 0)
    }

    private static func sextet(_ character: UInt8) -> UInt32? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt32(character - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt32(character - UInt8(ascii: "a")) + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(character - UInt8(ascii: "0")) + 52
        case UInt8(ascii: "-"): 62
        case UInt8(ascii: "_"): 63
        default: nil
        }
    }
}
