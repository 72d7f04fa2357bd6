import Foundation
import Glibc

/// Child processes for tests, started with an empty signal mask so `terminate()` works (PLATFORM-NOTES 7).
enum Child {
    /// Output of a finished child.
    struct Result {
        let status: Int32
        let stdout: Data
        let stderr: Data
    }

    /// Starts `process` with signals unblocked.
    static func start(_ process: Process) throws {
        var empty = sigset_t()
        var old = sigset_t()
        sigemptyset(&empty)
        pthread_sigmask(SIG_SETMASK, &empty, &old)
        defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
        try process.run()
    }

    /// Runs `executable` with `stdin`, collecting both outputs to the end.
    static func runToEnd(executable: String, arguments: [String], stdin: [UInt8] = [], environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try start(process)
        input.fileHandleForWriting.write(Data(stdin))
        try input.fileHandleForWriting.close()
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        DispatchQueue.global().async(group: group) { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: outputData, stderr: errorData)
    }
}
