import Foundation
@testable import Mail

/// Child processes for tests, started like the transports start theirs (signal mask cleared).
enum Child {
    /// Output of a finished child.
    struct Result {
        let status: Int32
        let stdout: Data
        let stderr: Data
    }

    /// Runs `executable` with empty standard input, collecting both outputs to the end.
    static func runToEnd(executable: String, arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = errors
        try ChildProcess.run(process)
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        DispatchQueue.global().async(group: group) { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: outputData, stderr: errorData)
    }
}
