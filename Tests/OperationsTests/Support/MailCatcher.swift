import Foundation
import Glibc
import TestSupport

/// The Mail tests' aiosmtpd fixture server (`Tests/MailTests/Fixtures/smtp_server.py`) on
/// 127.0.0.1: it stores every accepted message with its envelope and can refuse chosen
/// recipients with 550 or defer them with 451, and require AUTH (`USER:PASSWORD`). It can be stopped and started again on the same port.
final class MailCatcher {
    let port: Int
    let maildir: String
    private let reject: [String]
    private let deferred: [String]
    private let auth: String?
    private var process: Process?
    private let log: String

    init(in scratch: Scratch, reject: [String] = [], defer deferred: [String] = [], auth: String? = nil, port: Int? = nil) throws {
        self.port = try port ?? LoopbackPort.free()
        self.maildir = scratch.file("maildir-\(UUID().uuidString.prefix(8))")
        self.reject = reject
        self.deferred = deferred
        self.auth = auth
        self.log = scratch.file("smtp-\(self.port).log")
    }

    deinit { stop() }

    /// Starts the server and waits until it accepts connections.
    func start() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try PythonPeer.interpreter())
        process.arguments = [PythonPeer.repository.appendingPathComponent("Tests/MailTests/Fixtures/smtp_server.py").path,
                             "--port", "\(port)", "--dir", maildir]
            + reject.flatMap { ["--reject", $0] } + deferred.flatMap { ["--defer", $0] } + (auth.map { ["--auth", $0] } ?? [])
        process.standardOutput = FileHandle.nullDevice
        FileManager.default.createFile(atPath: log, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try Launch.run(process)
        self.process = process
        for _ in 0..<200 {
            if LoopbackPort.accepts(port) { return }
            guard process.isRunning else { break }
            usleep(25_000)
        }
        stop()
        throw SupportError("aiosmtpd did not listen on \(port): \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
    }

    /// Stops the server (connections refused from now on).
    func stop() {
        guard let process, process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
        self.process = nil
    }

    /// Delivered message files, in delivery order (the server numbers them).
    func delivered() -> [String] {
        let folder = maildir + "/new"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().map { folder + "/" + $0 }
    }

    /// The Message-ID of each delivered message, in delivery order (read from the raw bytes).
    func deliveredMessageIDs() throws -> [String] {
        try delivered().map { path in
            let text = try String(contentsOfFile: path, encoding: .utf8)
            guard let line = text.split(separator: "\r\n").first(where: { $0.hasPrefix("Message-ID: ") }) else {
                throw SupportError("no Message-ID in \(path)")
            }
            return String(line.dropFirst("Message-ID: ".count))
        }
    }

    /// Every delivered message parsed by Python's `email` and `icalendar`.
    func parsed() throws -> [PeerMessage] { try PeerMessage.parseMaildir(maildir) }

}

/// Starts children with an empty signal mask: a child started from a test thread would
/// otherwise inherit blocked signals and ignore SIGTERM (PLATFORM-NOTES 7).
enum Launch {
    static func run(_ process: Process) throws {
        var empty = sigset_t(), old = sigset_t()
        sigemptyset(&empty)
        pthread_sigmask(SIG_SETMASK, &empty, &old)
        defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
        try process.run()
    }
}
