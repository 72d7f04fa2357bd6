import Foundation
import Glibc

/// Starting children so that signals reach them, and feeding their standard input. The one
/// place that clears the signal mask for a child: the sendmail transport and the tests' children
/// (`TestSupport`'s `Child`) start theirs here.
public enum ChildProcess {
    /// Runs `process` with an empty signal mask: Dispatch threads block SIGTERM, which the child would inherit (see docs/platform.md).
    public static func run(_ process: Process) throws {
        var empty = sigset_t()
        var previous = sigset_t()
        sigemptyset(&empty)
        pthread_sigmask(SIG_SETMASK, &empty, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        try process.run()
    }

    /// Writes all `bytes` then closes; stops quietly if the child closed its end (EPIPE, with SIGPIPE ignored).
    static func writeAll(_ bytes: [UInt8], to handle: FileHandle) {
        let descriptor = handle.fileDescriptor
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        try? handle.close()
    }
}
