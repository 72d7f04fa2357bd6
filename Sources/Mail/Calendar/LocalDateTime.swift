import Foundation

/// A civil date and time to the minute in Europe/Paris, as the caller plans it: no conversion needed.
public struct LocalDateTime: Hashable, Comparable, Sendable {
    /// The year, e.g. 2026.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31.
    public let day: Int
    /// The hour, 0–23.
    public let hour: Int
    /// The minute, 0–59.
    public let minute: Int

    /// Validates the fields against the Gregorian calendar (leap years included).
    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int) throws(CalendarError) {
        guard (1...9999).contains(year), (1...12).contains(month), (0...23).contains(hour), (0...59).contains(minute),
              (1...Self.daysInMonth(year: year, month: month)).contains(day)
        else { throw .invalidDateTime(year: year, month: month, day: day, hour: hour, minute: minute) }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    /// Chronological order of the civil values.
    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.hour, lhs.minute) < (rhs.year, rhs.month, rhs.day, rhs.hour, rhs.minute)
    }

    /// The RFC 5545 §3.3.5 local form `YYYYMMDDTHHMMSS`.
    var iCalendarForm: String {
        Self.digits(year, 4) + Self.digits(month, 2) + Self.digits(day, 2) + "T" + Self.digits(hour, 2) + Self.digits(minute, 2) + "00"
    }

    /// The RFC 5545 §3.3.5 UTC form `YYYYMMDDTHHMMSSZ` of an instant.
    static func utcForm(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        return digits(parts.year!, 4) + digits(parts.month!, 2) + digits(parts.day!, 2) + "T"
            + digits(parts.hour!, 2) + digits(parts.minute!, 2) + digits(parts.second!, 2) + "Z"
    }

    private static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
