import CivilTime

/// The stored row of a season: a named period of evenings (e.g. "guinguette-2023", May to September).
public struct SeasonRecord: Equatable, Sendable {
    /// Stable identifier, as in the plan.
    public var id: String
    /// Display name.
    public var name: String
    /// First local date.
    public var firstDate: CivilDate
    /// Last local date (not before the first).
    public var lastDate: CivilDate
    /// IANA time zone of the local dates and times (Europe/Paris).
    public var timeZone: String

    /// Makes a season.
    public init(
        id: String, name: String, firstDate: CivilDate, lastDate: CivilDate,
        timeZone: String = "Europe/Paris"
    ) {
        self.id = id
        self.name = name
        self.firstDate = firstDate
        self.lastDate = lastDate
        self.timeZone = timeZone
    }
}

extension SeasonRecord {
    /// Whether the date falls in the season, both ends included.
    public func contains(_ date: CivilDate) -> Bool { firstDate <= date && date <= lastDate }
}
