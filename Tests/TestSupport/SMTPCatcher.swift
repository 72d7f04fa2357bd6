import Foundation

/// A real aiosmtpd on 127.0.0.1, run by a test, that keeps what it receives in a maildir: either
/// the stock `Mailbox` handler, or `Tests/Fixtures/python/smtp_server.py`, which keeps the exact
/// bytes and envelope, refuses chosen recipients with 550 or defers them with 451, can require
/// AUTH, counts its connections and can drop one after a number of messages. It can be stopped
/// and started again on the same port; `deinit` stops it.
public final class SMTPCatcher {
    /// The port it listens on.
    public let port: Int
    /// The maildir it delivers to (messages in `new/`).
    public let maildir: String
    private let arguments: [String]
    private let log: String
    private var child: Child?

    /// Prepares a fixture server in `folder` (a fresh temporary one by default); `start()` starts it.
    public init(
        in folder: String? = nil, reject: [String] = [], defer deferred: [String] = [], auth: String? = nil,
        loginOnly: Bool = false, noEHLO: Bool = false, dropAfter: Int? = nil, port: Int? = nil
    ) throws {
        let folder = try folder ?? TemporaryDirectory(prefix: "tournee-smtp").path
        self.port = try port ?? LoopbackPort.free()
        maildir = folder + "/maildir-\(UUID().uuidString.prefix(8))"
        log = folder + "/smtp-\(self.port)-\(UUID().uuidString.prefix(8)).log"
        var arguments = [PythonPeer.scripts.appendingPathComponent("smtp_server.py").path, "--port", "\(self.port)", "--dir", maildir]
        arguments += reject.flatMap { ["--reject", $0] } + deferred.flatMap { ["--defer", $0] }
        if let auth { arguments += ["--auth", auth] + (loginOnly ? ["--login-only"] : []) }
        if noEHLO { arguments.append("--no-ehlo") }
        if let dropAfter { arguments += ["--drop-after", "\(dropAfter)"] }
        self.arguments = arguments
    }

    private init(stockIn folder: String) throws {
        port = try LoopbackPort.free()
        maildir = folder + "/maildir"
        log = folder + "/smtp.log"
        arguments = ["-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "aiosmtpd.handlers.Mailbox", maildir]
    }

    /// The stock server (`python -m aiosmtpd -c aiosmtpd.handlers.Mailbox`), started.
    public static func mailbox() throws -> SMTPCatcher {
        let catcher = try SMTPCatcher(stockIn: TemporaryDirectory(prefix: "tournee-smtp").path)
        try catcher.start()
        return catcher
    }

    /// The fixture server, started.
    public static func started(
        reject: [String] = [], defer deferred: [String] = [], auth: String? = nil,
        loginOnly: Bool = false, noEHLO: Bool = false, dropAfter: Int? = nil
    ) throws -> SMTPCatcher {
        let catcher = try SMTPCatcher(
            reject: reject, defer: deferred, auth: auth, loginOnly: loginOnly, noEHLO: noEHLO, dropAfter: dropAfter)
        try catcher.start()
        return catcher
    }

    deinit { stop() }

    /// Starts the server and waits until it accepts connections.
    public func start() throws {
        FileManager.default.createFile(atPath: log, contents: nil)
        let child = try Child(
            executable: PythonPeer.interpreter(), arguments: arguments,
            standardError: try FileHandle(forWritingTo: URL(fileURLWithPath: log)))
        self.child = child
        for _ in 0..<200 {
            if LoopbackPort.accepts(port) { return }
            guard child.process.isRunning else { break }
            usleep(25_000)
        }
        stop()
        throw SupportError("aiosmtpd did not listen on \(port): \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
    }

    /// Stops the server (connections refused from now on) and waits for it.
    public func stop() {
        child?.stop()
        child = nil
    }

    /// Delivered message files, in delivery order (the fixture server numbers them).
    public func delivered() -> [String] {
        let folder = maildir + "/new"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().map { folder + "/" + $0 }
    }

    /// How many connections the fixture server accepted, the readiness probe of each `start`
    /// included (the stock server does not count).
    public func connections() -> Int {
        let text = (try? String(contentsOfFile: maildir + "/connections", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").count
    }

    /// The Message-ID of each delivered message, in delivery order (read from the raw bytes).
    public func deliveredMessageIDs() throws -> [String] {
        try delivered().map { path in
            let text = try String(contentsOfFile: path, encoding: .utf8)
            guard let line = text.split(separator: "\r\n").first(where: { $0.hasPrefix("Message-ID: ") }) else {
                throw SupportError("no Message-ID in \(path)")
            }
            return String(line.dropFirst("Message-ID: ".count))
        }
    }

    /// Every delivered message parsed by Python's `email` (and `icalendar`), sorted by Message-ID.
    public func parsed(calendar: Bool = true) throws -> [ParsedMessage] {
        try PythonPeer.json([ParsedMessage].self, "parse_message.py", [maildir] + (calendar ? ["--calendar"] : []))
    }
}
