import Glibc

/// One connection's requests, served one at a time until the client closes, asks to close, sends
/// a request refused, is idle too long, or the server stops.
struct ConnectionSession {
    let descriptor: Int32
    let peer: String
    let configuration: ServerConfiguration
    let router: Router
    let log: @Sendable (AccessLogEntry) -> Void
    let isStopping: () -> Bool

    /// How often a waiting connection looks whether the server is stopping.
    private static let slice = 0.1

    func run() {
        var buffer: [UInt8] = []
        while true {
            if buffer.isEmpty && !awaitFirstByte(into: &buffer) { return }
            let started = Socket.now()
            var outcome = RequestParser.parse(buffer[...], limits: configuration.limits)
            while outcome == .incomplete {
                let remaining = configuration.requestTimeout - (Socket.now() - started)
                guard remaining > 0 else {
                    answer(.text(.requestTimeout, "Requête trop lente.\n"), method: "-", path: "-", keepAlive: false, started: started)
                    return
                }
                guard Socket.waitReadable(descriptor, seconds: min(remaining, Self.slice)) else { continue }
                guard let bytes = Socket.read(descriptor, limit: 65_536) else { return }
                buffer += bytes
                outcome = RequestParser.parse(buffer[...], limits: configuration.limits)
            }
            switch outcome {
            case .incomplete: return
            case .refused(let status, _):
                answer(.text(status, Self.refusalText(status)), method: "-", path: "-", keepAlive: false, started: started)
                return
            case .request(var request, let consumed):
                request.peerAddress = peer
                request.clientAddress = ForwardedClient.address(peer: peer, headers: request.headers, trusted: configuration.trustedProxies)
                let response = SecurityHeaders.applied(to: router.respond(to: request))
                let keepAlive = request.keepAlive && !isStopping()
                guard
                    answer(
                        response, method: request.method, path: request.path, keepAlive: keepAlive, started: started,
                        headOnly: request.method == "HEAD", client: request.clientAddress),
                    keepAlive
                else { return }
                buffer.removeFirst(consumed)
            }
        }
    }

    /// Waits for the next request's first bytes, up to the idle timeout; false to close.
    private func awaitFirstByte(into buffer: inout [UInt8]) -> Bool {
        let deadline = Socket.now() + configuration.idleTimeout
        while Socket.now() < deadline {
            if isStopping() { return false }
            guard Socket.waitReadable(descriptor, seconds: min(deadline - Socket.now(), Self.slice)) else { continue }
            guard let bytes = Socket.read(descriptor, limit: 65_536) else { return false }
            buffer += bytes
            return true
        }
        return false
    }

    /// Sends `response` and logs it; false when the client could not be written to.
    @discardableResult
    private func answer(
        _ response: HTTPResponse, method: String, path: String, keepAlive: Bool, started: Double, headOnly: Bool = false,
        client: String? = nil
    ) -> Bool {
        let sent = Socket.writeAll(descriptor, response.serialized(keepAlive: keepAlive, headOnly: headOnly))
        let milliseconds = Int(((Socket.now() - started) * 1000).rounded())
        log(
            AccessLogEntry(
                peer: client ?? peer, method: method, path: redacted(path), status: sent ? response.status.code : 0,
                bytes: headOnly ? 0 : response.body.count,
                milliseconds: milliseconds))
        if !keepAlive {
            shutdown(descriptor, Int32(SHUT_WR))
            drainUnreadInput()
        }
        return sent
    }

    /// Reads and drops what the client is still sending (the rest of a refused body), for at
    /// most a second and a megabyte: closing with unread bytes would send a reset, and the client
    /// could lose the answer before reading it.
    private func drainUnreadInput() {
        let deadline = Socket.now() + 1
        var drained = 0
        while drained < 1 << 20, Socket.now() < deadline, Socket.waitReadable(descriptor, seconds: deadline - Socket.now()) {
            guard let bytes = Socket.read(descriptor, limit: 65_536) else { return }
            drained += bytes.count
        }
    }

    private func redacted(_ path: String) -> String {
        for prefix in configuration.redactedPrefixes where path.hasPrefix(prefix) && path.count > prefix.count { return prefix + "…" }
        return path
    }

    private static func refusalText(_ status: HTTPStatus) -> String {
        switch status.code {
        case 408: "Requête trop lente.\n"
        case 413: "Corps de requête trop long.\n"
        case 414: "Adresse trop longue.\n"
        case 431: "En-têtes trop longs ou trop nombreux.\n"
        case 501: "Fonction non prise en charge.\n"
        case 505: "Version de HTTP non prise en charge.\n"
        default: "Requête mal formée.\n"
        }
    }
}
