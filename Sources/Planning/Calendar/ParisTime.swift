import Foundation

/// Conversions between Europe/Paris civil time and UTC instants.
///
/// Evenings are planned in civil time; storage and messages need instants. Foundation's calendar
/// applies the tz database, so daylight-saving changes (last Sundays of March and October) are
/// handled by the rules in force for each year.
public enum ParisTime {
    /// The Europe/Paris time zone; the tz database is required (Debian's `tzdata`).
    public static let timeZone: TimeZone = {
        guard let zone = TimeZone(identifier: "Europe/Paris") else {
            fatalError("the tz database has no Europe/Paris: install tzdata")
        }
        return zone
    }()

    /// A Gregorian calendar in Europe/Paris.
    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.locale = Locale(identifier: "fr_FR")
        return calendar
    }()

    /// The instant at which Paris clocks show `time` on `date`.
    ///
    /// A time skipped by the spring change (02:00–03:00) resolves to the instant after the gap;
    /// evenings never fall there, but the answer is still defined.
    public static func instant(on date: CivilDate, at time: LocalTime) -> Date {
        let components = DateComponents(
            year: date.year, month: date.month, day: date.day,
            hour: time.hour, minute: time.minute)
        guard let instant = calendar.date(from: components) else {
            fatalError("Gregorian calendar rejected \(date) \(time)")
        }
        return instant
    }

    /// The Paris civil date and time of an instant.
    public static func civil(_ instant: Date) -> (date: CivilDate, time: LocalTime) {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        guard let date = CivilDate(year: parts.year!, month: parts.month!, day: parts.day!),
              let time = LocalTime(hour: parts.hour!, minute: parts.minute!) else {
            fatalError("calendar returned an impossible date for \(instant)")
        }
        return (date, time)
    }

    /// The offset from UTC in seconds on Paris clocks at `instant` (3600 in winter, 7200 in summer).
    public static func utcOffsetSeconds(at instant: Date) -> Int {
        timeZone.secondsFromGMT(for: instant)
    }

    /// ISO 8601 with the Paris offset, e.g. `2027-06-04T18:30:00+02:00`.
    public static func iso8601(on date: CivilDate, at time: LocalTime) -> String {
        let offset = utcOffsetSeconds(at: instant(on: date, at: time))
        let sign = offset < 0 ? "-" : "+"
        let hours = abs(offset) / 3600
        let minutes = abs(offset) % 3600 / 60
        return "\(date)T\(time):00\(sign)\(CivilDate.twoDigits(hours)):\(CivilDate.twoDigits(minutes))"
    }
}
