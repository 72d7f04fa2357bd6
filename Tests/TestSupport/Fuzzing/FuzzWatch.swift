import Foundation

/// A watchdog thread that ends the process when one fuzz case runs longer than `hangSeconds`:
/// a hang would otherwise block the test run without saying which input caused it.
final class FuzzWatch: @unchecked Sendable {
    private let hangSeconds: Double
    private let lock = NSLock()
    // Guarded by `lock`.
    private var note: String?
    private var caseStart = ContinuousClock.now
    private var stopped = false

    /// Starts the watchdog thread.
    init(hangSeconds: Double) {
        self.hangSeconds = hangSeconds
        let thread = Thread { [self] in watch() }
        thread.start()
    }

    /// A case starts; `note` is written if it hangs.
    func begin(_ note: String) {
        lock.withLock {
            self.note = note
            caseStart = ContinuousClock.now
        }
    }

    /// The case ended in time.
    func end() {
        lock.withLock { note = nil }
    }

    /// Ends the watchdog thread.
    func stop() {
        lock.withLock { stopped = true }
    }

    private func watch() {
        while true {
            Thread.sleep(forTimeInterval: 0.2)
            let (done, hung) = lock.withLock { () -> (Bool, String?) in
                guard !stopped else { return (true, nil) }
                guard let note, (ContinuousClock.now - caseStart).seconds > hangSeconds else { return (false, nil) }
                return (false, note)
            }
            if done { return }
            if let hung {
                FileHandle.standardError.write(Data(hung.utf8))
                exit(70)
            }
        }
    }
}
