/// A civil date and time to the minute on Paris clocks, as a season plans it: no time zone attached.
///
/// Turning it into an instant is `ParisTime`'s job, which also decides the times that the
/// daylight-saving changes skip or repeat (see `ParisTime.instant(of:)`).
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar day.
    public let date: CivilDate
    /// The time of day on that day.
    public let time: LocalTime

    /// Joins a date and a time.
    public init(_ date: CivilDate, _ time: LocalTime) {
        self.date = date
        self.time = time
    }

    /// Validates the fields against the Gregorian calendar (leap years included); nil when any is out of range.
    public init?(year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        guard let date = CivilDate(year: year, month: month, day: day),
            let time = LocalTime(hour: hour, minute: minute)
        else { return nil }
        self.init(date, time)
    }

    /// Chronological order of the civil values (not of instants: 02:30 in an autumn overlap is one value).
    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.time) < (rhs.date, rhs.time)
    }

    /// `YYYY-MM-DD HH:MM`.
    public var description: String { "\(date) \(time)" }
}
