import Foundation
import Glibc
import TestSupport
import Testing

@testable import TourneeDaemon

/// sd_notify datagrams as systemd would receive them: a datagram socket bound by the test.
@Suite(.serialized) struct SystemdNotifierTests {
    @Test func anAbstractSocketReceivesTheState() throws {
        let name = "@tournee-test-\(UUID().uuidString.prefix(8))"
        let listener = try NotifySocketListener(name)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": name])
        #expect(notifier.notify("READY=1\nSTATUS=prêt"))
        #expect(listener.receive() == "READY=1\nSTATUS=prêt")
        #expect(!SystemdNotifier(environment: [:]).notify("READY=1"))
        #expect(SystemdNotifier(environment: ["WATCHDOG_USEC": "30000000"]).watchdogInterval == .seconds(30))
        #expect(SystemdNotifier(environment: ["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"]).watchdogInterval == nil)
    }
}
