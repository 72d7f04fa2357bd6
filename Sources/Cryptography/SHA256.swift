/// SHA-256 (FIPS 180-4), written here because the package has no dependencies and Foundation on
/// Linux offers no digest. Feed bytes with `update` as they come, then `finalize` once; or use
/// `hash` for bytes already in memory. O(n) time, constant memory: the pending partial block is
/// kept inline, so hashing allocates nothing but the returned digest.
public struct SHA256: Sendable {
    /// The digest's length in bytes.
    public static let digestByteCount = 32
    /// The block the compression function consumes, in bytes (HMAC pads its key to it).
    public static let blockByteCount = 64

    private var state = SHA256State.initial
    private var pending = SHA256Block()
    private var pendingCount = 0
    private var totalByteCount: UInt64 = 0

    /// A hasher that has seen no bytes.
    public init() {}

    /// The digest of `bytes`.
    public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            update(UnsafeRawBufferPointer(buffer))
        }
        if handled == nil { Array(bytes).withUnsafeBytes { update($0) } }
    }

    /// Adds the bytes of `buffer` to the message; whole blocks are compressed straight from it.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard var base = buffer.baseAddress, !buffer.isEmpty else { return }
        var remaining = buffer.count
        totalByteCount &+= UInt64(remaining)
        if pendingCount > 0 {
            let taken = min(remaining, Self.blockByteCount - pendingCount)
            pending.copy(from: base, count: taken, at: pendingCount)
            pendingCount += taken
            base += taken
            remaining -= taken
            guard pendingCount == Self.blockByteCount else { return }
            pending.compress(into: &state)
            pendingCount = 0
        }
        while remaining >= Self.blockByteCount {
            state.compress(block: base)
            base += Self.blockByteCount
            remaining -= Self.blockByteCount
        }
        if remaining > 0 {
            pending.copy(from: base, count: remaining, at: 0)
            pendingCount = remaining
        }
    }

    /// Pads the message (a one bit, zeros, the length in bits, big-endian) and returns the digest.
    public consuming func finalize() -> [UInt8] {
        let bitCount = totalByteCount &* 8
        var padding = [UInt8](repeating: 0, count: pendingCount < 56 ? 56 - pendingCount : 120 - pendingCount)
        padding[0] = 0x80
        for shift in stride(from: 56, through: 0, by: -8) { padding.append(UInt8(truncatingIfNeeded: bitCount >> UInt64(shift))) }
        let lengthBefore = totalByteCount
        padding.withUnsafeBytes { update($0) }
        totalByteCount = lengthBefore
        return state.bigEndianBytes
    }
}
