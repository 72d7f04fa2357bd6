import Foundation
import TestSupport
import Glibc
import Testing

/// The real daemon's sd_notify datagrams, received on a socket bound by the test as systemd would.
@Suite(.serialized) struct SystemdNotificationTests {
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

    @Test func theDaemonTellsSystemdItIsReadyAliveAndStopping() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let socketPath = scratch.file("notify.sock")
        let listener = try Listener(socketPath)
        let configuration = try TestConfiguration.write(in: scratch, port: try LoopbackPort.free())
        try PlanFixture.database(at: scratch.file("t.db"))
        let daemon = try DaemonProcess(["--config", configuration, "--now", DaemonFaultTests.importInstant], scratch: scratch,
                                       environment: ["NOTIFY_SOCKET": socketPath, "WATCHDOG_USEC": "400000", "JOURNAL_STREAM": "8:1234"])
        defer { if daemon.process.isRunning { daemon.signal(SIGKILL) } }
        let started = listener.collect(seconds: 10) { $0 == "WATCHDOG=1" }
        #expect(started.first?.hasPrefix("READY=1\nSTATUS=") == true)
        #expect(started.contains("WATCHDOG=1"))
        daemon.signal(SIGHUP)
        let reloading = listener.collect(seconds: 10) { $0 == "READY=1" }
        #expect(reloading.contains { $0.hasPrefix("RELOADING=1\nSTATUS=") })
        #expect(reloading.last == "READY=1")
        daemon.signal(SIGTERM)
        let stopping = listener.collect(seconds: 10) { $0.hasPrefix("STOPPING=1") }
        #expect(stopping.last == "STOPPING=1\nSTATUS=arrêt")
        #expect(daemon.waitForExit(seconds: 10))
        #expect(daemon.process.terminationStatus == 0)
        // Under journald every line carries its priority.
        let lines = daemon.stderr.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("<6>info daemon started pid=") })
        #expect(lines.contains { $0.hasPrefix("<4>warning transport unavailable, will retry") })
        #expect(lines.allSatisfy { $0.hasPrefix("<") })
    }
}
