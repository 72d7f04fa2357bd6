import Foundation
import TextFormats

#if canImport(Glibc)
    import Glibc
#endif

/// One daemon per database file, whatever path names it: an exclusive `flock` on the database
/// file itself, held for the process's life and released by the kernel when it exits, even on
/// SIGKILL (so no stale lock to clean).
///
/// Why the file itself and not `<path>.lock`: a lock beside the path is one per *name*, and a
/// symbolic link, a hard link or another spelling of the folder gives another name to the same
/// file. A second daemon through a hard link then opened `<link>-wal`, a WAL of its own, and sent
/// every message a second time. A `flock` belongs to the inode (device and inode number), so
/// every name of the file meets the same lock. `flock` rather than `fcntl`: SQLite takes POSIX
/// `fcntl` byte-range locks on the same file, and POSIX locks are per process (ours would merge
/// with SQLite's, and SQLite closing a descriptor would drop ours); on a local Linux file system
/// `flock` locks are a separate kind that neither touches. (On NFS `flock` is emulated with
/// `fcntl`; WAL mode needs memory shared on one host, so a database there is refused by SQLite's
/// own rules anyway.)
public final class InstanceLock {
    /// The database as named by the operator.
    public let path: String
    /// Device and inode number of the locked file: its identity whatever name reached it.
    public let identity: FileIdentity
    private let descriptor: Int32

    /// Device and inode number, from `fstat`.
    public struct FileIdentity: Equatable, Sendable {
        /// `st_dev`.
        public let device: UInt64
        /// `st_ino`.
        public let inode: UInt64
        /// `st_nlink`: more than one means hard links, other names for the same file.
        public let links: UInt64
    }

    /// Why the lock could not be taken.
    public enum LockError: Error, Equatable, CustomStringConvertible {
        /// Another process holds it; its pid when the kernel's lock table names it.
        case held(path: String, pid: Int32?)
        /// The database file could not be opened or created to be locked.
        case unavailable(path: String, reason: String)
        /// The path names something other than a regular file.
        case notAFile(path: String, kind: String)

        /// A French explanation for the operator.
        public var description: String {
            switch self {
            case .held(let path, let pid):
                return "une autre instance de tourneed tourne déjà sur cette base" + (pid.map { " (pid \($0))" } ?? "")
                    + " : \(path) est verrouillée (le même fichier, quel que soit le chemin ou le lien qui y mène)"
            case .unavailable(let path, let reason):
                return "base \(path) impossible à ouvrir pour la verrouiller : \(reason)"
            case .notAFile(let path, let kind):
                return "base \(path) : c'est \(kind), attendu un fichier de base SQLite"
            }
        }
    }

    /// Opens (creating it empty if absent, which SQLite takes as an empty database) and locks
    /// the database file without waiting.
    public init(databasePath: String) throws(LockError) {
        path = databasePath
        // O_NONBLOCK: a FIFO put where the database should be must not block the start.
        descriptor = open(databasePath, O_RDWR | O_CREAT | O_CLOEXEC | O_NONBLOCK, 0o644)
        guard descriptor >= 0 else { throw .unavailable(path: databasePath, reason: SystemErrorText.french(errno)) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = SystemErrorText.french(errno)
            close(descriptor)
            throw .unavailable(path: databasePath, reason: reason)
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw .notAFile(path: databasePath, kind: FileKind.name(mode: status.st_mode))
        }
        identity = FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino), links: UInt64(status.st_nlink))
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno
            close(descriptor)
            guard reason == EWOULDBLOCK else { throw .unavailable(path: databasePath, reason: SystemErrorText.french(reason)) }
            throw .held(path: databasePath, pid: Self.holder(of: identity))
        }
    }

    deinit { close(descriptor) }

    /// The pid holding a `flock` on the file, read from the kernel's lock table (`/proc/locks`:
    /// `1: FLOCK ADVISORY WRITE PID MAJOR:MINOR:INODE 0 EOF`); nil when it cannot be told.
    static func holder(of identity: FileIdentity) -> Int32? {
        guard let table = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return nil }
        let device = identity.device
        let major = ((device >> 8) & 0xfff) | ((device >> 32) & ~UInt64(0xfff))
        let minor = (device & 0xff) | ((device >> 12) & ~UInt64(0xff))
        let wanted =
            String(major, radix: 16, uppercase: false).leftPadded(to: 2) + ":"
            + String(minor, radix: 16, uppercase: false).leftPadded(to: 2) + ":\(identity.inode)"
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[1] == "FLOCK", fields[5] == wanted else { continue }
            return Int32(fields[4])
        }
        return nil
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
