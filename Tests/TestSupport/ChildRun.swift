import Foundation

/// Runs a child process to the end and collects its output.
public enum ChildRun {
    /// A finished child's status and output.
    public struct Result: Sendable {
        /// The exit status (or signal number when killed).
        public let status: Int32
        /// Standard output.
        public let stdout: Data
        /// Standard error.
        public let stderr: Data
        /// Whether the child was still running after the timeout and was killed.
        public let timedOut: Bool
    }

    /// Runs `executable` with empty standard input and waits for it; after `timeout` seconds
    /// (when given) the child and its group are killed, so a hang fails a test instead of
    /// stopping the run.
    public static func toEnd(
        executable: String, arguments: [String], environment: [String: String]? = nil, timeout: Double? = nil
    ) throws -> Result {
        let output = Pipe()
        let errors = Pipe()
        let child = try Child(
            executable: executable, arguments: arguments, environment: environment,
            standardOutput: output, standardError: errors)
        let timedOut = Mutexed(false)
        if let timeout {
            let pid = child.pid
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [weak child] in
                guard let child, child.process.isRunning else { return }
                timedOut.set(true)
                // The group: the pipes close only when no process of it holds them.
                kill(-pid, SIGKILL)
            }
        }
        let errorData = Mutexed(Data())
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        child.process.waitUntilExit()
        return Result(status: child.process.terminationStatus, stdout: outputData, stderr: errorData.get(), timedOut: timedOut.get())
    }
}

/// A value guarded by a lock, shared with a reader thread.
final class Mutexed<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func set(_ newValue: Value) {
        lock.lock()
        value = newValue
        lock.unlock()
    }

    func get() -> Value {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
