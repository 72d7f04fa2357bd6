/// HMAC-SHA-256 (RFC 2104): H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ message)), a key longer than a block
/// being hashed first. The two padded keys are hashed once at `init`; each message then costs its
/// own blocks plus two, and a keyed value can be copied to authenticate many messages (PBKDF2).
public struct HMACSHA256: Sendable {
    /// The length of an authentication code in bytes.
    public static let byteCount = SHA256.digestByteCount

    private var inner: SHA256
    private let outer: SHA256

    /// A MAC keyed with `key` (any length; RFC 2104 recommends at least 32 bytes).
    public init(key: some Sequence<UInt8>) {
        var block = Array(key)
        if block.count > SHA256.blockByteCount { block = SHA256.hash(block) }
        block += [UInt8](repeating: 0, count: SHA256.blockByteCount - block.count)
        inner = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        var outer = SHA256()
        outer.update(block.map { $0 ^ 0x5c })
        self.outer = outer
    }

    /// The authentication code of `message` under `key`.
    public static func authenticationCode(key: some Sequence<UInt8>, message: some Sequence<UInt8>) -> [UInt8] {
        var mac = HMACSHA256(key: key)
        mac.update(message)
        return mac.finalize()
    }

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: some Sequence<UInt8>) { inner.update(bytes) }

    /// Adds the bytes of `buffer` to the message.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) { inner.update(buffer) }

    /// The authentication code of the message given so far.
    public consuming func finalize() -> [UInt8] {
        var outer = self.outer
        outer.update(inner.finalize())
        return outer.finalize()
    }
}
