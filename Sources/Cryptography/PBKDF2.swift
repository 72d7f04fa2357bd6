/// PBKDF2 with HMAC-SHA-256 as its pseudorandom function (RFC 8018, section 5.2): each 32-byte
/// block of the derived key is U1 ⊕ U2 ⊕ … ⊕ Uc, with U1 = PRF(P, S ‖ INT(i)) and
/// Uj = PRF(P, Uj-1). O(iterations × blocks) compressions, two per iteration.
public enum PBKDF2 {
    /// The problems a derivation refuses before doing any work.
    public enum Failure: Error, Equatable, Sendable {
        /// RFC 8018 requires at least one iteration.
        case noIteration
        /// The key asked for is empty or longer than (2^32 − 1) blocks.
        case keyLengthOutOfRange
    }

    /// The key of `keyByteCount` bytes derived from `password` and `salt` with `iterations` rounds.
    public static func sha256(
        password: some Sequence<UInt8>, salt: some Sequence<UInt8>, iterations: Int, keyByteCount: Int
    ) throws(Failure) -> [UInt8] {
        guard iterations >= 1 else { throw .noIteration }
        let blockCount = (keyByteCount + HMACSHA256.byteCount - 1) / HMACSHA256.byteCount
        guard keyByteCount >= 1, blockCount <= Int(UInt32.max) else { throw .keyLengthOutOfRange }
        let keyed = HMACSHA256(key: password)
        let salt = Array(salt)
        var derived: [UInt8] = []
        derived.reserveCapacity(blockCount * HMACSHA256.byteCount)
        for index in 1...blockCount {
            var mac = keyed
            mac.update(salt)
            mac.update([
                UInt8(truncatingIfNeeded: index >> 24), UInt8(truncatingIfNeeded: index >> 16), UInt8(truncatingIfNeeded: index >> 8),
                UInt8(truncatingIfNeeded: index),
            ])
            var chained = mac.finalize()
            var block = chained
            for _ in 1..<iterations {
                var next = keyed
                next.update(chained)
                chained = next.finalize()
                for position in 0..<block.count { block[position] ^= chained[position] }
            }
            derived += block
        }
        return Array(derived.prefix(keyByteCount))
    }
}
