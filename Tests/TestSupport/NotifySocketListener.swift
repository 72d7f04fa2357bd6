import Foundation
import Glibc

/// A bound datagram socket at `name` (a path, or `@name` for the abstract namespace), receiving
/// sd_notify datagrams as systemd would: the daemon's unit tests and its process tests both listen.
public final class NotifySocketListener {
    private let descriptor: Int32

    /// Binds the socket; throws when the name is taken.
    public init(_ name: String) throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(name.utf8)
        if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let length = MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + bytes.count + (bytes[0] == 0 ? 0 : 1)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(length)) }
        }
        guard bound == 0 else { throw CocoaError(.fileWriteUnknown) }
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(descriptor) }

    /// The next datagram, or nil after 200 ms.
    public func receive() -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer.prefix(count), as: UTF8.self) : nil
    }

    /// Datagrams until `done` holds for one or `seconds` pass.
    public func collect(seconds: Double, until done: (String) -> Bool) -> [String] {
        var received: [String] = []
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let datagram = receive() {
                received.append(datagram)
                if done(datagram) { break }
            }
        }
        return received
    }
}
