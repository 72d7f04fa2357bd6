import Glibc
import TextFormats

/// Loads secrets from a file only its owner can read, or from an environment variable.
public enum SecretFile {
    /// The largest secret file read, in bytes.
    static let maximumSize = 4096

    /// Reads the secret in `path`, minus one trailing line break; refuses a file readable by group
    /// or others (mode & 0o077), a symbolic link, and anything but a regular file.
    public static func read(path: String) throws(SecretError) -> Secret {
        // O_NONBLOCK: a FIFO would otherwise block `open` until a writer comes, forever.
        // O_NOFOLLOW: the mode checked must be the secret's own, not a link's target chosen by
        // whoever can write the link's folder.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        guard descriptor >= 0 else {
            let code = errno
            if code == ELOOP { throw .notARegularFile(path: path, kind: FileKind.name(mode: S_IFLNK)) }
            throw .unreadable(path: path, reason: code == ENOENT ? "fichier absent" : SystemErrorText.french(code))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(path: path, reason: SystemErrorText.french(errno)) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .notARegularFile(path: path, kind: FileKind.name(mode: status.st_mode)) }
        let permissions = UInt32(status.st_mode) & 0o777
        guard permissions & 0o077 == 0 else { throw .tooOpen(path: path, mode: permissions) }
        var bytes = [UInt8](repeating: 0, count: maximumSize + 1)
        var length = 0
        while length < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + length, $0.count - length) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw .unreadable(path: path, reason: SystemErrorText.french(errno)) }
            if count == 0 { break }
            length += count
        }
        guard length <= maximumSize else { throw .unreadable(path: path, reason: "plus de \(maximumSize) octets") }
        var text = String(decoding: bytes[0..<length], as: UTF8.self)
        if text.hasSuffix("\r\n") || text.hasSuffix("\n") { text.removeLast() }  // "\r\n" is one Character
        guard !text.isEmpty else { throw .empty(source: path) }
        return Secret(text)
    }

    /// The secret in environment variable `name` of `environment` (pass `ProcessInfo.processInfo.environment`).
    public static func fromEnvironment(_ name: String, in environment: [String: String]) throws(SecretError) -> Secret {
        guard let value = environment[name] else { throw .missingVariable(name) }
        guard !value.isEmpty else { throw .empty(source: "$\(name)") }
        return Secret(value)
    }
}

/// Why a secret could not be loaded; never contains the secret itself.
public enum SecretError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file cannot be opened or read.
    case unreadable(path: String, reason: String)
    /// The path names a FIFO, a folder, a device or a symbolic link (`kind`, in French).
    case notARegularFile(path: String, kind: String)
    /// The file is readable or writable by group or others.
    case tooOpen(path: String, mode: UInt32)
    /// The file or variable is empty.
    case empty(source: String)
    /// The environment variable is not set.
    case missingVariable(String)

    /// A French explanation naming the file or variable.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "fichier secret \(path) illisible : \(reason)"
        case .notARegularFile(let path, let kind):
            return "fichier secret \(path) refusé : c'est \(kind), attendu un fichier ordinaire de mode 600"
        case .tooOpen(let path, let mode):
            return
                "fichier secret \(path) refusé : mode 0\(String(mode, radix: 8)) ouvert au groupe ou aux autres ; faire chmod 600 \(path)"
        case .empty(let source):
            return "secret vide dans \(source)"
        case .missingVariable(let name):
            return "variable d'environnement \(name) absente"
        }
    }
}
