/// The length and FNV-1a 64-bit hash of a text's UTF-8 bytes: a short mark that tells whether a
/// kept file changed, shown beside it. It is not cryptographic (anyone can make two texts with
/// the same mark), so whether two texts are the same is always decided on the texts themselves.
public struct ContentDigest: Sendable, Equatable, CustomStringConvertible {
    /// The number of UTF-8 bytes.
    public let length: Int
    /// The FNV-1a 64 hash of those bytes.
    public let fnv1a64: UInt64

    /// The digest of `text`. O(length).
    public init(_ text: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var length = 0
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            length += 1
        }
        self.length = length
        fnv1a64 = hash
    }

    /// The hash as 16 lower-case hexadecimal digits.
    public var hex: String {
        let digits = String(fnv1a64, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// "1234 octets, fnv1a64 0123456789abcdef".
    public var description: String { "\(length) octets, fnv1a64 \(hex)" }
}
