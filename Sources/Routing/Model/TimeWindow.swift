/// A closed interval `[start, end]` of times, in the caller's time unit (the same unit as the
/// duration matrix and service durations).
public struct TimeWindow: Sendable, Hashable {
    /// Earliest instant of the window.
    public var start: Double
    /// Latest instant of the window (may be `.infinity`).
    public var end: Double

    /// Creates a window; `start <= end` is checked when the problem is built.
    public init(start: Double, end: Double) {
        self.start = start
        self.end = end
    }

    /// The window that holds every instant.
    public static let always = TimeWindow(start: -.infinity, end: .infinity)

    /// Whether `time` lies in the window.
    public func contains(_ time: Double) -> Bool { time >= start && time <= end }
}
