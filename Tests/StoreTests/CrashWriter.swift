import Foundation
import TestSupport
import Testing

/// The `store-crash-writer` executable running as a child process with its stdout piped; a test
/// that fails before its `kill()` still stops it (see `Child`).
final class CrashWriter {
    private let child: Child
    private let output = Pipe()

    /// The Foundation process, for its termination reason.
    var process: Process { child.process }
    private var buffer: [UInt8] = []

    init(arguments: [String]) throws {
        child = try Child(executable: try BuiltProgram.path("store-crash-writer"), arguments: arguments, standardOutput: output)
    }

    /// Reads the next full line of the child's output (blocking), or nil at end of output.
    func readLine() throws -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            buffer.append(contentsOf: chunk)
        }
    }

    /// Kills the child with SIGKILL (no handler, no flush, no cleanup) and waits for it.
    func kill() {
        child.signal(SIGKILL)
        process.waitUntilExit()
    }

    /// Every remaining line of output, after the child has exited.
    func remainingLines() throws -> [String] {
        var lines: [String] = []
        while let line = try readLine() { lines.append(line) }
        return lines
    }
}
