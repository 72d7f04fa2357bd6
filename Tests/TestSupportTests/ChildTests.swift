import Foundation
import Mail
import Testing

@testable import TestSupport

/// A test that fails, whatever way it fails, leaves no child running.
struct ChildTests {
    struct Planned: Error {}

    /// Whether a process with this pid still exists, waiting up to `seconds` for it to go.
    private func exists(_ pid: Int32, seconds: Double = 3) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if kill(pid, 0) == -1 && errno == ESRCH { return false }
            usleep(20_000)
        }
        return true
    }

    /// Starts a long child, notes its pid and throws before any stop, as a failing `try` would.
    private func startThenThrow(_ pid: inout Int32) throws {
        let child = try Child(executable: "/bin/sleep", arguments: ["600"])
        pid = child.pid
        #expect(exists(pid, seconds: 0))
        throw Planned()
    }

    @Test func aChildDiesWhenItsTestThrowsBeforeStoppingIt() throws {
        var pid: Int32 = 0
        #expect(throws: Planned.self) { try startThenThrow(&pid) }
        #expect(pid > 0)
        #expect(!exists(pid))
    }

    @Test func aChildThatIgnoresSIGTERMIsKilledAfterTheGrace() throws {
        var pid: Int32 = 0
        let output = Pipe()
        let started = Date()
        #expect(throws: Planned.self) {
            try withChild(
                try Child(
                    executable: "/bin/sh", arguments: ["-c", "trap '' TERM; echo ready; sleep 600 & wait"],
                    standardOutput: output)
            ) { child in
                pid = child.pid
                // Only once the trap is set does SIGTERM meet a child that ignores it.
                _ = output.fileHandleForReading.availableData
                throw Planned()
            }
        }
        #expect(pid > 0)
        #expect(!exists(pid))
        #expect(Date().timeIntervalSince(started) >= 2, "SIGTERM alone stopped it: the test proves nothing")
    }

    @Test func theChildsOwnChildrenDieWithItsGroup() throws {
        let output = Pipe()
        var child: Child? = try Child(executable: "/bin/sh", arguments: ["-c", "sleep 600 & echo $!; wait"], standardOutput: output)
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        let grandchild = try #require(Int32(line.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(exists(grandchild, seconds: 0))
        child = nil
        #expect(child == nil && !exists(grandchild))
    }

    @Test func theWatchdogKillsWhatIsLeftWhenTheTestProcessGoes() throws {
        let reaper = ChildReaper()
        #expect(reaper.pid != nil)
        // Started outside `Child`, so that nothing but the watchdog can stop it.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sleep")
        process.arguments = ["600"]
        try ChildProcess.run(process)
        reaper.watch(process.processIdentifier)
        usleep(100_000)
        #expect(process.isRunning)
        reaper.abandon()
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM)
    }
}
