import Foundation
import Glibc
import TestSupport

/// The real `tourneed` binary run as a child, its standard error kept in a file; stopped with its
/// process group when the test lets go of it, whatever the test's outcome (see `Child`).
final class DaemonProcess {
    let child: Child
    let stderrPath: String

    /// The Foundation process, for its status.
    var process: Process { child.process }

    /// Starts `tourneed arguments` with `environment` added to an empty one (plus PATH).
    init(_ arguments: [String], scratch: TemporaryDirectory, environment: [String: String] = [:]) throws {
        stderrPath = scratch.file("tourneed-\(UUID().uuidString.prefix(8)).log")
        FileManager.default.createFile(atPath: stderrPath, contents: nil)
        child = try Child(
            executable: try BuiltProgram.path("tourneed"), arguments: arguments,
            environment: ["PATH": "/usr/bin:/bin"].merging(environment) { $1 },
            standardError: try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath)))
    }

    /// Runs to the end and returns the exit status and standard error.
    static func run(_ arguments: [String], scratch: TemporaryDirectory, environment: [String: String] = [:]) throws -> (
        status: Int32, stderr: String
    ) {
        let daemon = try DaemonProcess(arguments, scratch: scratch, environment: environment)
        daemon.process.waitUntilExit()
        return (daemon.process.terminationStatus, daemon.stderr)
    }

    /// What it wrote to standard error so far.
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// Sends a signal.
    func signal(_ number: Int32) { child.signal(number) }

    /// Waits for the exit, at most `seconds`; false on timeout.
    func waitForExit(seconds: Double) -> Bool { child.waitForExit(seconds: seconds) }

    /// Polls `condition` every 20 ms for at most `seconds`.
    static func waitUntil(seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            usleep(20_000)
        }
        return try condition()
    }

    /// A daemon running on the small plan's database in `scratch` (its relay a closed port),
    /// once it has said it started, with its configuration: what a second instance runs into.
    static func firstInstance(in scratch: TemporaryDirectory, now: String) throws -> (daemon: DaemonProcess, configuration: String) {
        let configuration = try TestConfiguration.write(in: scratch, port: try LoopbackPort.free())
        try PlanFixture.database(at: scratch.file("t.db"))
        let daemon = try DaemonProcess(["--config", configuration, "--now", now], scratch: scratch)
        guard waitUntil(seconds: 10, { daemon.stderr.contains("daemon started") }) else {
            throw SupportError("tourneed did not start: \(daemon.stderr)")
        }
        return (daemon, configuration)
    }
}

/// A daemon configuration written for a test: the shipped policy and templates, fast retries.
enum TestConfiguration {
    static func write(
        in scratch: TemporaryDirectory, name: String = "tourneed.json", port: Int, maxAttempts: Int = 6,
        tickSeconds: Int = 1, database: String = "t.db", user: String? = nil,
        passwordFile: String? = nil
    ) throws -> String {
        let smtp = "smtp://\(user.map { $0 + "@" } ?? "")127.0.0.1:\(port)"
        let transport =
            ["\"transport\": \"\(smtp)\""] + (passwordFile.map { ["\"passwordFile\": \"\($0)\""] } ?? []) + ["\"smtpTimeoutSeconds\": 5"]
        let text = DaemonConfigurationText.make(
            database: database, transport: transport, tickSeconds: tickSeconds, maxAttempts: maxAttempts)
        let path = scratch.file(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
