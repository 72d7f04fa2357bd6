import CivilTime

extension LocalDateTime {
    /// The RFC 5545 §3.3.5 local form `YYYYMMDDTHHMMSS` of what Paris clocks read at this time
    /// (a time skipped by the spring change is written as the clocks show it, one hour later).
    var iCalendarForm: String {
        let reading = ParisTime.clockReading(of: self)
        return CivilDate.digits(reading.date.year, 4) + CivilDate.twoDigits(reading.date.month)
            + CivilDate.twoDigits(reading.date.day) + "T" + CivilDate.twoDigits(reading.time.hour)
            + CivilDate.twoDigits(reading.time.minute) + "00"
    }
}
