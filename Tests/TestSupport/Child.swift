import Foundation
import Mail

/// A child process of a test that cannot outlive it: killed with its process group by `stop()`,
/// by `deinit` when the last reference goes (a failed `#expect` or a thrown error included), and
/// by `ChildReaper` if the test process itself dies.
public final class Child: @unchecked Sendable {
    /// The Foundation process, for its status and termination reason.
    public let process: Process

    /// The child's pid, which is also its process group (Foundation starts each child as the
    /// leader of a new group, so a kill of the group reaches whatever it started in turn).
    public var pid: Int32 { process.processIdentifier }

    /// Starts `executable`; standard streams default to /dev/null.
    public init(
        executable: String, arguments: [String], environment: [String: String]? = nil,
        standardInput: Any? = nil, standardOutput: Any? = nil, standardError: Any? = nil
    ) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardInput = standardInput ?? FileHandle.nullDevice
        process.standardOutput = standardOutput ?? FileHandle.nullDevice
        process.standardError = standardError ?? FileHandle.nullDevice
        try ChildProcess.run(process)
        ChildReaper.shared.watch(pid)
    }

    deinit { stop() }

    /// Sends `signal` to the child alone.
    public func signal(_ number: Int32) {
        if process.isRunning { kill(pid, number) }
    }

    /// Waits for the exit, at most `seconds`; false on timeout.
    public func waitForExit(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { return false }
        process.waitUntilExit()
        return true
    }

    /// Ends the child and its group: SIGTERM, then SIGKILL after `grace` seconds; waits for it.
    public func stop(grace: Double = 2) {
        if process.isRunning {
            kill(-pid, SIGTERM)
            _ = waitForExit(seconds: grace)
            // SIGKILL to the group either way: a grandchild may have stayed after its parent went.
            kill(-pid, SIGKILL)
        }
        process.waitUntilExit()
        ChildReaper.shared.forget(pid)
    }
}

/// Runs `body` with a child that is stopped when `body` returns or throws.
public func withChild<T>(_ child: @autoclosure () throws -> Child, _ body: (Child) throws -> T) throws -> T {
    let started = try child()
    defer { started.stop() }
    return try body(started)
}
