/// A wall-clock time of day (hours and minutes), without a date or time zone.
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Minutes since midnight, 0 to 1439.
    public let minutesSinceMidnight: Int

    /// Creates the time `hour:minute`, or nil when out of range.
    public init?(hour: Int, minute: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        minutesSinceMidnight = hour * 60 + minute
    }

    /// Parses `HH:MM` (24-hour clock); nil for anything else.
    public init?(text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    /// The hour, 0 to 23.
    public var hour: Int { minutesSinceMidnight / 60 }
    /// The minute, 0 to 59.
    public var minute: Int { minutesSinceMidnight % 60 }

    /// `HH:MM`.
    public var description: String { CivilDate.twoDigits(hour) + ":" + CivilDate.twoDigits(minute) }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
    }
}
