import Glibc
import TextFormats

/// A non-blocking TCP client socket with deadlines on every operation; one owner, closed on deinit.
final class TCPConnection {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var bufferStart = 0

    /// The longest line accepted from the peer (RFC 5321 §4.5.3.1.5 allows 512; servers exceed it).
    private static let maximumLineLength = 16_384

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Why `getaddrinfo` failed, in French (`gai_strerror` speaks English).
    private static func resolutionFailure(_ status: Int32) -> String {
        switch status {
        case EAI_NONAME: "nom d'hôte inconnu"
        case EAI_AGAIN: "serveur de noms momentanément injoignable"
        case EAI_SYSTEM: SystemErrorText.french(errno)
        default: "erreur de résolution \(status)"
        }
    }

    /// Resolves `host` and connects to the first address that answers within `timeout`.
    /// Refused, unreachable, unresolvable and timed out are all temporary: the relay may come back.
    static func connect(host: String, port: Int, timeout: Duration) throws(TransportError) -> TCPConnection {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_protocol = Int32(IPPROTO_TCP)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let list else {
            throw TransportError(
                .temporary, stage: "connexion",
                detail: "\(host) : résolution impossible (\(Self.resolutionFailure(status)))")
        }
        defer { freeaddrinfo(list) }
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var lastError = "aucune adresse"
        var entry: UnsafeMutablePointer<addrinfo>? = list
        while let address = entry {
            entry = address.pointee.ai_next
            let descriptor = socket(
                address.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue),
                address.pointee.ai_protocol)
            guard descriptor >= 0 else {
                lastError = SystemErrorText.french(errno)
                continue
            }
            let connection = TCPConnection(descriptor: descriptor)
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            if Glibc.connect(descriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 { return connection }
            guard errno == EINPROGRESS else {
                lastError = SystemErrorText.french(errno)
                continue
            }
            guard connection.wait(for: Int16(POLLOUT), until: deadline) else {
                lastError = "délai de connexion dépassé"
                continue
            }
            var socketError: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &socketError, &length)
            if socketError == 0 { return connection }
            lastError = SystemErrorText.french(socketError)
        }
        throw TransportError(.temporary, stage: "connexion", detail: "\(host):\(port) : \(lastError)")
    }

    /// Writes all of `bytes` before `deadline`; a peer that closed gives EPIPE, not SIGPIPE (MSG_NOSIGNAL).
    func write(_ bytes: [UInt8], until deadline: ContinuousClock.Instant, stage: String) throws(TransportError) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw in
                send(descriptor, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                offset += sent
            } else if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                guard wait(for: Int16(POLLOUT), until: deadline) else {
                    throw TransportError(.temporary, stage: stage, detail: "délai d'envoi dépassé")
                }
            } else {
                throw TransportError(.temporary, stage: stage, detail: "envoi impossible : \(SystemErrorText.french(errno))")
            }
        }
    }

    /// Reads one line (without its CRLF or LF) before `deadline`.
    func readLine(until deadline: ContinuousClock.Instant, stage: String) throws(TransportError) -> String {
        while true {
            if let newline = buffer[bufferStart...].firstIndex(of: 10) {
                var end = newline
                if end > bufferStart && buffer[end - 1] == 13 { end -= 1 }
                let line = String(decoding: buffer[bufferStart..<end], as: UTF8.self)
                bufferStart = newline + 1
                if bufferStart == buffer.count {
                    buffer.removeAll(keepingCapacity: true)
                    bufferStart = 0
                }
                return line
            }
            guard buffer.count - bufferStart < Self.maximumLineLength else {
                throw TransportError(.temporary, stage: stage, detail: "ligne de réponse trop longue")
            }
            try fill(until: deadline, stage: stage)
        }
    }

    private func fill(until deadline: ContinuousClock.Instant, stage: String) throws(TransportError) {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress!, $0.count, 0) }
            if count > 0 {
                buffer += chunk[0..<count]
                return
            }
            if count == 0 {
                throw TransportError(.temporary, stage: stage, detail: "connexion fermée par le serveur")
            }
            guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else {
                throw TransportError(.temporary, stage: stage, detail: "lecture impossible : \(SystemErrorText.french(errno))")
            }
            guard wait(for: Int16(POLLIN), until: deadline) else {
                throw TransportError(.temporary, stage: stage, detail: "pas de réponse du serveur dans le délai")
            }
        }
    }

    /// Polls for `events` until `deadline`; false on timeout.
    private func wait(for events: Int16, until deadline: ContinuousClock.Instant) -> Bool {
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { return false }
            let (seconds, attoseconds) = remaining.components
            let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            var request = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = poll(&request, 1, milliseconds)
            if ready > 0 { return true }
            if ready < 0 && errno != EINTR { return true }  // let the next call report the error
        }
    }
}
