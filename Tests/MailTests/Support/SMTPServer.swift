import Foundation
import TestSupport
import Glibc
@testable import Mail

/// A real aiosmtpd on 127.0.0.1 and a free port, run by the test; stopped on `stop()` or deinit.
final class SMTPServer {
    let port: Int
    let maildir: URL
    private let process: Process

    private init(port: Int, maildir: URL, process: Process) {
        self.port = port
        self.maildir = maildir
        self.process = process
    }

    deinit { stop() }

    /// The stock server: `python -m aiosmtpd -n -l 127.0.0.1:PORT -c aiosmtpd.handlers.Mailbox DIR`.
    static func mailbox() throws -> SMTPServer {
        let directory = try TemporaryDirectory().url.appendingPathComponent("maildir")
        let port = try LoopbackPort.free()
        return try start(port: port, maildir: directory,
                         arguments: ["-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "aiosmtpd.handlers.Mailbox", directory.path])
    }

    /// `Fixtures/smtp_server.py`: exact bytes and envelope kept, chosen recipients refused, optional AUTH.
    static func fixture(reject: [String] = [], defer deferred: [String] = [], auth: String? = nil, loginOnly: Bool = false,
                        noEHLO: Bool = false) throws -> SMTPServer {
        let directory = try TemporaryDirectory().url.appendingPathComponent("maildir")
        let port = try LoopbackPort.free()
        var arguments = [Python.fixtures.appendingPathComponent("smtp_server.py").path, "--port", "\(port)", "--dir", directory.path]
        arguments += reject.flatMap { ["--reject", $0] } + deferred.flatMap { ["--defer", $0] }
        if let auth { arguments += ["--auth", auth] + (loginOnly ? ["--login-only"] : []) }
        if noEHLO { arguments.append("--no-ehlo") }
        return try start(port: port, maildir: directory, arguments: arguments)
    }

    /// Stops the server and waits for it.
    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// Message files delivered so far, sorted by name.
    func deliveredFiles() throws -> [URL] {
        let folder = maildir.appendingPathComponent("new")
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Every delivered message parsed by Python `email`, sorted by Message-ID.
    func parsedMessages(calendar: Bool = false) throws -> [ParsedMessage] {
        try Python.json([ParsedMessage].self, "parse_message.py", [maildir.path] + (calendar ? ["--calendar"] : []))
    }

    private static func start(port: Int, maildir: URL, arguments: [String]) throws -> SMTPServer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Python.interpreter())
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let log = try TemporaryDirectory().url.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        try ChildProcess.run(process)
        let server = SMTPServer(port: port, maildir: maildir, process: process)
        for _ in 0..<200 {
            if LoopbackPort.accepts(port) { return server }
            guard process.isRunning else { break }
            usleep(50_000)
        }
        server.stop()
        throw TestFailure("aiosmtpd did not listen on \(port): \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
    }

}
