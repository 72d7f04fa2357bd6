import Foundation
import Glibc
import HTTPServer

/// A client on a plain socket, for requests no polite client would send.
struct RawClient {
    let descriptor: Int32

    /// Connects to 127.0.0.1:`port`; nil when refused.
    init?(port: UInt16) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(descriptor)
            return nil
        }
        // A bound on every read, so that a server that never answers fails the test instead of hanging it.
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        self.descriptor = descriptor
    }

    /// Sends `bytes`; false when the server already closed.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    /// Everything the server sends until it closes (or the read timeout passes).
    func readToEnd() -> String {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += chunk[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// The status code of the first response in `text`, nil when there is none.
    static func status(_ text: String) -> Int? {
        guard text.hasPrefix("HTTP/1.1 ") else { return nil }
        return Int(text.dropFirst(9).prefix(3))
    }

    /// Whether the server has sent something (or closed) already.
    func isReadable() -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) > 0
    }

    func close() { Glibc.close(descriptor) }

    /// Sends `request` on a fresh connection and returns all the server answers before closing.
    static func exchange(_ request: [UInt8], port: UInt16) -> String {
        guard let client = RawClient(port: port) else { return "" }
        defer { client.close() }
        client.send(request)
        return client.readToEnd()
    }
}

/// The access log lines a test server writes, collected across its threads.
final class AccessLogCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [AccessLogEntry] = []

    func append(_ entry: AccessLogEntry) { lock.withLock { collected.append(entry) } }

    var entries: [AccessLogEntry] { lock.withLock { collected } }
}
