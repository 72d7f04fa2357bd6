import Foundation

/// Conversions between Europe/Paris civil time and UTC instants, and the one rule for the local
/// times that the daylight-saving changes skip or repeat.
///
/// The rule (written out in `docs/civil-time.md`), the same as RFC 5545 §3.3.5 and Foundation:
/// - a local time that does not exist (02:00–02:59 on the last Sunday of March, when clocks go
///   from 02:00 to 03:00) means the instant read with the offset in force before the change, so
///   clocks show it one hour later: an evening planned to end at 02:30 ends at 03:30 summer time;
/// - a local time that exists twice (02:00–02:59 on the last Sunday of October) means its first
///   occurrence, still in summer time.
/// Every output (plan file, calendar file, messages, the database) writes the instant and the
/// clock reading of that instant (`clockReading(of:)`), never the unresolved text.
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

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// The instant at which Paris clocks show `time` on `date`, under the rule above.
    public static func instant(on date: CivilDate, at time: LocalTime) -> Date {
        instant(of: LocalDateTime(date, time))
    }

    /// The instant a Paris local date and time denotes, under the rule above.
    public static func instant(of local: LocalDateTime) -> Date {
        // Foundation resolves a skipped time with the offset before the gap and a repeated time to
        // its first occurrence, which is the rule stated above; the tests pin both.
        let components = DateComponents(
            year: local.date.year, month: local.date.month, day: local.date.day,
            hour: local.time.hour, minute: local.time.minute)
        guard let instant = calendar.date(from: components) else {
            fatalError("Gregorian calendar rejected \(local)")
        }
        return instant
    }

    /// What Paris clocks show at the instant `local` denotes: `local` itself, except for a time
    /// skipped by the spring change, which reads one hour later.
    public static func clockReading(of local: LocalDateTime) -> LocalDateTime {
        let reading = civil(instant(of: local))
        return LocalDateTime(reading.date, reading.time)
    }

    /// Whether Paris clocks never show `local` (it falls in the spring change's gap).
    public static func isSkipped(_ local: LocalDateTime) -> Bool {
        clockReading(of: local) != local
    }

    /// Whether Paris clocks show `local` twice (it falls in the autumn change's overlap).
    public static func isRepeated(_ local: LocalDateTime) -> Bool {
        let first = instant(of: local)
        let second = first.addingTimeInterval(3600)
        let reading = civil(second)
        return LocalDateTime(reading.date, reading.time) == local
    }

    /// The Paris civil date and time of an instant.
    public static func civil(_ instant: Date) -> (date: CivilDate, time: LocalTime) {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        guard let date = CivilDate(year: parts.year!, month: parts.month!, day: parts.day!),
            let time = LocalTime(hour: parts.hour!, minute: parts.minute!)
        else {
            fatalError("calendar returned an impossible date for \(instant)")
        }
        return (date, time)
    }

    /// The offset from UTC in seconds on Paris clocks at `instant` (3600 in winter, 7200 in summer).
    public static func utcOffsetSeconds(at instant: Date) -> Int {
        timeZone.secondsFromGMT(for: instant)
    }

    /// ISO 8601 of the instant `time` on `date` denotes, as Paris clocks read it with their offset,
    /// e.g. `2027-06-04T18:30:00+02:00` (a skipped 02:30 is written `03:30:00+02:00`).
    public static func iso8601(on date: CivilDate, at time: LocalTime) -> String {
        let instant = instant(on: date, at: time)
        let reading = civil(instant)
        let offset = utcOffsetSeconds(at: instant)
        let sign = offset < 0 ? "-" : "+"
        let hours = abs(offset) / 3600
        let minutes = abs(offset) % 3600 / 60
        return "\(reading.date)T\(reading.time):00\(sign)\(CivilDate.twoDigits(hours)):\(CivilDate.twoDigits(minutes))"
    }

    /// The RFC 5545 §3.3.5 UTC form `YYYYMMDDTHHMMSSZ` of an instant (also the basic ISO 8601 form).
    public static func utcBasicForm(_ instant: Date) -> String {
        let parts = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        return CivilDate.digits(parts.year!, 4) + CivilDate.twoDigits(parts.month!) + CivilDate.twoDigits(parts.day!) + "T"
            + CivilDate.twoDigits(parts.hour!) + CivilDate.twoDigits(parts.minute!) + CivilDate.twoDigits(parts.second!) + "Z"
    }
}
