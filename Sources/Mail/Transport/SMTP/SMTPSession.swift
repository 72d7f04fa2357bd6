import Foundation

/// One SMTP client dialogue on one connection (RFC 5321 §3, §4.1): greeting, EHLO/HELO, AUTH, commands, QUIT.
final class SMTPSession {
    private let connection: TCPConnection
    private let timeouts: SMTPTimeouts
    /// EHLO keywords (upper case) and their parameters, e.g. `AUTH` → `["PLAIN", "LOGIN"]`.
    private(set) var extensions: [String: [String]] = [:]
    /// Set once the connection failed or the server said it closes it (421), so QUIT is not
    /// attempted on a dead socket and a batch opens a new connection.
    private(set) var isBroken = false
    /// Set once a message's payload was written: from then on the relay may have queued it, and
    /// a batch must not send it again on a new connection. Cleared by `startTransaction`.
    private(set) var transmitted = false

    private init(connection: TCPConnection, timeouts: SMTPTimeouts) {
        self.connection = connection
        self.timeouts = timeouts
    }

    /// Connects and reads the 220 greeting (RFC 5321 §4.3.1: 554 there is permanent, 4xx temporary).
    static func open(host: String, port: Int, timeouts: SMTPTimeouts) throws(TransportError) -> SMTPSession {
        let session = SMTPSession(
            connection: try TCPConnection.connect(host: host, port: port, timeout: timeouts.connect),
            timeouts: timeouts)
        let greeting = try session.readReply(stage: "accueil", timeout: timeouts.command)
        guard greeting.code == 220 else { throw session.failure(greeting, stage: "accueil") }
        return session
    }

    /// EHLO, or HELO when the server does not know EHLO (500/502, RFC 5321 §3.2); the name must be a domain or address literal.
    func hello(clientName: String) throws(TransportError) {
        guard !clientName.isEmpty,
            clientName.unicodeScalars.allSatisfy({
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-.[]:".unicodeScalars.contains($0))
            })
        else {
            throw TransportError(
                .permanent, stage: "EHLO", detail: "nom de client invalide \(clientName.debugDescription) (un nom de domaine)")
        }
        let reply = try command("EHLO \(clientName)", stage: "EHLO")
        if reply.isPositive {
            for line in reply.lines.dropFirst() {
                let words = line.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
                if let keyword = words.first { extensions[keyword, default: []] += words.dropFirst() }
            }
            return
        }
        guard reply.code == 500 || reply.code == 502 else { throw failure(reply, stage: "EHLO") }
        let fallback = try command("HELO \(clientName)", stage: "HELO")
        guard fallback.isPositive else { throw failure(fallback, stage: "HELO") }
    }

    /// AUTH PLAIN (RFC 4616) or else LOGIN, whichever the server advertises; no line sent here ever reaches an error text.
    func authenticate(_ credentials: SMTPCredentials) throws(TransportError) {
        let mechanisms = extensions["AUTH"] ?? []
        let password = credentials.password.revealed
        if mechanisms.contains("PLAIN") {
            let token = Data(([0] + Array(credentials.username.utf8) + [0] + Array(password.utf8))).base64EncodedString()
            let reply = try command("AUTH PLAIN \(token)", stage: "AUTH")
            guard reply.code == 235 else { throw failure(reply, stage: "AUTH") }
        } else if mechanisms.contains("LOGIN") {
            for (line, expected) in [
                ("AUTH LOGIN", 334), (Data(credentials.username.utf8).base64EncodedString(), 334),
                (Data(password.utf8).base64EncodedString(), 235),
            ] {
                let reply = try command(line, stage: "AUTH")
                guard reply.code == expected else { throw failure(reply, stage: "AUTH") }
            }
        } else {
            throw TransportError(
                .permanent, stage: "AUTH",
                detail: "identifiants fournis mais le serveur n'annonce ni AUTH PLAIN ni AUTH LOGIN ; pour TLS, passer par sendmail (msmtp)"
            )
        }
    }

    /// Sends one command line and reads its reply within the command timeout.
    func command(_ line: String, stage: String) throws(TransportError) -> SMTPReply {
        try write(Array((line + "\r\n").utf8), stage: stage)
        return try readReply(stage: stage, timeout: timeouts.command)
    }

    /// Marks the start of a mail transaction (nothing of its payload written yet).
    func startTransaction() { transmitted = false }

    /// Sends the dot-stuffed payload after a 354 and reads the final reply within the DATA termination timeout.
    func transmit(_ payload: [UInt8]) throws(TransportError) -> SMTPReply {
        transmitted = true
        try write(payload, stage: "DATA")
        return try readReply(stage: "DATA", timeout: timeouts.dataTermination)
    }

    /// QUIT (RFC 5321 §4.1.1.10), best effort with a short wait: the message is already decided.
    func quit() {
        guard !isBroken else { return }
        let deadline = ContinuousClock.now.advanced(by: min(timeouts.command, .seconds(5)))
        do throws(TransportError) {
            try connection.write(Array("QUIT\r\n".utf8), until: deadline, stage: "QUIT")
            _ = try connection.readLine(until: deadline, stage: "QUIT")
        } catch {
            isBroken = true
        }
    }

    /// The error for an unexpected reply: 4xx temporary, others permanent, with the server's text.
    func failure(_ reply: SMTPReply, stage: String) -> TransportError {
        TransportError(TransportError.kind(ofReplyCode: reply.code), stage: stage, detail: reply.description, replyCode: reply.code)
    }

    private func write(_ bytes: [UInt8], stage: String) throws(TransportError) {
        do throws(TransportError) {
            try connection.write(bytes, until: ContinuousClock.now.advanced(by: timeouts.command), stage: stage)
        } catch {
            isBroken = true
            throw error
        }
    }

    /// Reads lines until the last line of a reply (`NNN text`), checking every line carries the same code.
    private func readReply(stage: String, timeout: Duration) throws(TransportError) -> SMTPReply {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var lines: [String] = []
        var code: Int?
        do throws(TransportError) {
            while true {
                let line = try connection.readLine(until: deadline, stage: stage)
                guard let parsed = SMTPReply.parseLine(line), code == nil || code == parsed.code, lines.count < 1000 else {
                    throw TransportError(.temporary, stage: stage, detail: "réponse SMTP invalide : \(line.prefix(200).debugDescription)")
                }
                code = parsed.code
                lines.append(parsed.text)
                guard parsed.isLast else { continue }
                // 421: the server closes the connection after this reply (RFC 5321 §3.8).
                if parsed.code == 421 { isBroken = true }
                return SMTPReply(code: parsed.code, lines: lines)
            }
        } catch {
            isBroken = true
            throw error
        }
    }
}
