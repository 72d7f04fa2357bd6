/// A 64-byte block kept inline (eight words), so that a hasher holding a partial block is a
/// plain value: copying a keyed HMAC state, as PBKDF2 does twice per iteration, allocates nothing.
struct SHA256Block: Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)

    /// Copies `count` bytes from `source` to the block, starting at byte `offset`.
    mutating func copy(from source: UnsafeRawPointer, count: Int, at offset: Int) {
        withUnsafeMutableBytes(of: &words) { block in
            (block.baseAddress! + offset).copyMemory(from: source, byteCount: count)
        }
    }

    /// Compresses the block, which must be full, into `state`.
    func compress(into state: inout SHA256State) {
        withUnsafeBytes(of: words) { block in state.compress(block: block.baseAddress!) }
    }
}
