#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The line a crashing fuzz case leaves on standard error: a signal handler can only write bytes
/// prepared in advance (no allocation, no Swift strings), so the runner keeps them in a fixed buffer.
enum FuzzCrashNote {
    private static let capacity = 1_024
    private static let signals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]
    // Written by the fuzz loop between cases and read by the handler; tests run one fuzz body at a
    // time per process in practice, and a garbled note is the worst a race can do.
    nonisolated(unsafe) private static var buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
    nonisolated(unsafe) private static var length = 0
    nonisolated(unsafe) private static var installed = false

    /// Installs the handler once per process; it writes the note, restores the default action and re-raises.
    static func install() {
        guard !installed else { return }
        installed = true
        for signalNumber in signals {
            signal(signalNumber) { received in
                if FuzzCrashNote.length > 0 {
                    _ = write(2, FuzzCrashNote.buffer, FuzzCrashNote.length)
                }
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    /// Makes `text` (cut to the buffer) the note the handler writes.
    static func set(_ text: String) {
        let bytes = Array(text.utf8.prefix(capacity))
        length = 0
        for (index, byte) in bytes.enumerated() {
            buffer[index] = CChar(bitPattern: byte)
        }
        length = bytes.count
    }

    /// No note: a crash outside a fuzz case writes nothing.
    static func clear() {
        length = 0
    }
}
