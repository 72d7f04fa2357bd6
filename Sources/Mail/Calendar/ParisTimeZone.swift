/// The VTIMEZONE for Europe/Paris (RFC 5545 §3.6.5): CET/CEST with the EU rule in force since 1996
/// (last Sunday of March at 02:00 and of October at 03:00 local time).
enum ParisTimeZone {
    /// The TZID the events refer to.
    static let identifier = "Europe/Paris"

    /// The component's content lines; each DTSTART is the rule's first occurrence, in 1996.
    static let lines = [
        "BEGIN:VTIMEZONE",
        "TZID:\(identifier)",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19960331T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19961027T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]
}
