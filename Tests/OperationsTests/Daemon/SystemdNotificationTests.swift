import Foundation
import Glibc
import TestSupport
import Testing

/// The real daemon's sd_notify datagrams, received on a socket bound by the test as systemd would.
@Suite(.serialized) struct SystemdNotificationTests {
    @Test func theDaemonTellsSystemdItIsReadyAliveAndStopping() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let socketPath = scratch.file("notify.sock")
        let listener = try NotifySocketListener(socketPath)
        let configuration = try TestConfiguration.write(in: scratch, port: try LoopbackPort.free())
        try PlanFixture.database(at: scratch.file("t.db"))
        let daemon = try DaemonProcess(
            ["--config", configuration, "--now", DaemonFaultTests.importInstant], scratch: scratch,
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
