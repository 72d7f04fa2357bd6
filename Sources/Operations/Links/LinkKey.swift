/// One signing key of the ring: a number the tokens name, and at least 32 random bytes.
public struct LinkKey: Hashable, Sendable {
    /// The fewest bytes a key may have (RFC 2104: no shorter than the hash's output).
    public static let minimumByteCount = 32

    /// The key's number; the newest key has the largest.
    public let id: UInt32
    /// The secret bytes.
    public let secret: [UInt8]

    /// A key; nil when `secret` is shorter than `minimumByteCount`.
    public init?(id: UInt32, secret: [UInt8]) {
        guard secret.count >= Self.minimumByteCount else { return nil }
        self.id = id
        self.secret = secret
    }
}
