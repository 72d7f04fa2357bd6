import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One daemon per database: an exclusive `flock` on `<database>.lock`, held for the process's
/// life and released by the kernel when it exits, even on SIGKILL (so no stale lock to clean).
public final class InstanceLock {
    /// The lock file.
    public let path: String
    private var descriptor: Int32

    /// Why the lock could not be taken.
    public enum LockError: Error, Equatable, CustomStringConvertible {
        /// Another process holds it; its pid when it wrote one.
        case held(path: String, pid: Int32?)
        /// The file could not be opened.
        case unavailable(path: String, reason: String)

        /// A French explanation for the operator.
        public var description: String {
            switch self {
            case .held(let path, let pid):
                return "une autre instance de tourneed tourne déjà sur cette base" + (pid.map { " (pid \($0))" } ?? "") + " : verrou \(path)"
            case .unavailable(let path, let reason):
                return "verrou \(path) impossible à ouvrir : \(reason)"
            }
        }
    }

    /// Takes the lock beside `databasePath` without waiting, and writes this process's pid in it.
    public init(databasePath: String) throws(LockError) {
        path = databasePath + ".lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw .unavailable(path: path, reason: String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = pread(descriptor, &buffer, buffer.count, 0)
            close(descriptor)
            guard reason == EWOULDBLOCK else { throw .unavailable(path: path, reason: String(cString: strerror(reason))) }
            let text = String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw .held(path: path, pid: Int32(text))
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pwrite(descriptor, pid, pid.count, 0)
    }

    deinit { close(descriptor) }
}
