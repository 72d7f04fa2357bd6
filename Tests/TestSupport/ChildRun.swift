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
    }

    /// Runs `executable` with empty standard input and waits for it.
    ///
    /// The signal mask is cleared around `run()`: a child started from a Dispatch thread would
    /// otherwise inherit blocked signals (PLATFORM-NOTES 7).
    public static func toEnd(executable: String, arguments: [String], environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = Pipe(), errors = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = errors
        try runUnmasked(process)
        let errorData = Mutexed(Data())
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: outputData, stderr: errorData.get())
    }
}

extension ChildRun {
    /// Starts `executable` with standard streams on /dev/null and returns at once, for a test
    /// that kills it (`kill(process.processIdentifier, SIGKILL)`) at a moment of its choosing.
    public static func start(executable: String, arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try runUnmasked(process)
        return process
    }

    /// Runs `process` with the signal mask cleared, so the child does not inherit blocked signals
    /// from a Dispatch thread (PLATFORM-NOTES 7).
    static func runUnmasked(_ process: Process) throws {
        var empty = sigset_t(), old = sigset_t()
        sigemptyset(&empty)
        pthread_sigmask(SIG_SETMASK, &empty, &old)
        defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
        try process.run()
    }
}

/// A value guarded by a lock, shared with a reader thread.
final class Mutexed<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func set(_ newValue: Value) { lock.lock(); value = newValue; lock.unlock() }

    func get() -> Value { lock.lock(); defer { lock.unlock() }; return value }
}
