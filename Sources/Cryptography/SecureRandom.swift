import Glibc

/// Random bytes from the kernel's generator, for keys and tokens. Read from `/dev/urandom`
/// (Glibc's `getrandom` declaration does not reach Swift; on Linux ≥ 5.6 both are the same
/// generator, seeded before user space starts). `SystemRandomNumberGenerator` is not documented
/// as cryptographically secure on every platform, so the source is named here.
public enum SecureRandom {
    /// The kernel's generator could not be read; `code` is the `errno` (0: the device ended).
    public struct Failure: Error, Equatable, Sendable {
        /// The `errno` of the failed open or read.
        public let code: Int32
    }

    /// `count` random bytes.
    public static func bytes(_ count: Int) throws(Failure) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        guard count > 0 else { return bytes }
        let descriptor = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(code: errno) }
        defer { close(descriptor) }
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress.map { $0 + filled }, count - filled)
            }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { throw Failure(code: got < 0 ? errno : 0) }
            filled += got
        }
        return bytes
    }
}
