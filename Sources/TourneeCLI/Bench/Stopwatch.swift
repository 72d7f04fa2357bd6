/// Wall-clock seconds since creation, on the monotonic clock: the one place `tournee bench` reads
/// time, handed to the solver as its `elapsedSeconds` closure.
struct Stopwatch: Sendable {
    private let start = ContinuousClock.now

    /// Seconds elapsed since the stopwatch was made.
    var seconds: Double {
        let elapsed = start.duration(to: .now).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    }
}
