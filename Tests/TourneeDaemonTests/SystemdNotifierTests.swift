import Foundation
import Glibc
import Testing
@testable import TourneeDaemon

/// sd_notify datagrams as systemd would receive them: a datagram socket bound by the test.
@Suite(.serialized) struct SystemdNotifierTests {
    /// A bound datagram socket at `name` (a path, or `@name` for the abstract namespace).
    final class Listener {
        let descriptor: Int32

        init(_ name: String) throws {
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
        func receive() -> String? {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = recv(descriptor, &buffer, buffer.count, 0)
            return count > 0 ? String(decoding: buffer.prefix(count), as: UTF8.self) : nil
        }

        /// Datagrams until `done` holds for one or `seconds` pass.
        func collect(seconds: Double, until done: (String) -> Bool) -> [String] {
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

    @Test func anAbstractSocketReceivesTheState() throws {
        let name = "@tournee-test-\(UUID().uuidString.prefix(8))"
        let listener = try Listener(name)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": name])
        #expect(notifier.notify("READY=1\nSTATUS=prêt"))
        #expect(listener.receive() == "READY=1\nSTATUS=prêt")
        #expect(!SystemdNotifier(environment: [:]).notify("READY=1"))
        #expect(SystemdNotifier(environment: ["WATCHDOG_USEC": "30000000"]).watchdogInterval == .seconds(30))
        #expect(SystemdNotifier(environment: ["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"]).watchdogInterval == nil)
    }
}
