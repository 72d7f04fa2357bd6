#if canImport(Glibc)
    import Glibc
#endif

/// Reads a whole text file a person wrote (a configuration, a template), refusing what would
/// hang or mislead: a FIFO (opened without blocking, then refused), a folder or a device, a
/// file too large to be a hand-written one, bytes that are not UTF-8 (with the line of the first).
public enum TextFile {
    /// The default limit: far above any configuration, far below what would exhaust memory.
    public static let defaultLimit = 4 * 1024 * 1024

    /// The text of `path`, following symbolic links. O(size of the file).
    public static func read(path: String, limit: Int = defaultLimit) throws(TextFileError) -> String {
        let bytes = try readBytes(path: path, limit: limit)
        if let offset = firstInvalidUTF8(bytes) {
            let line = 1 + bytes[..<offset].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            throw .notUTF8(path: path, line: line, byte: bytes[offset])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The bytes of a regular file of at most `limit` bytes; `extraFlags` adds `open` flags
    /// (`O_NOFOLLOW` for secrets). O(size of the file).
    public static func readBytes(path: String, limit: Int, extraFlags: Int32 = 0) throws(TextFileError) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer, forever.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | extraFlags)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { throw .missing(path: path) }
            if code == ELOOP, extraFlags & O_NOFOLLOW != 0 { throw .notARegularFile(path: path, kind: FileKind.name(mode: S_IFLNK)) }
            throw .unreadable(path: path, reason: SystemErrorText.french(code))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(path: path, reason: SystemErrorText.french(errno)) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .notARegularFile(path: path, kind: FileKind.name(mode: status.st_mode)) }
        guard Int(status.st_size) <= limit else { throw .tooLarge(path: path, size: Int(status.st_size), limit: limit) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(status.st_size))
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while bytes.count <= limit {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw .unreadable(path: path, reason: SystemErrorText.french(errno)) }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        // A file growing while read is caught here, not only by the size from fstat.
        guard bytes.count <= limit else { throw .tooLarge(path: path, size: bytes.count, limit: limit) }
        return bytes
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
