/// A season: a named period of evenings (e.g. "guinguette-2023", May to September).
public struct Season: Equatable, Sendable {
    /// Stable identifier, as in the plan.
    public var id: String
    /// Display name.
    public var name: String
    /// First local date, `YYYY-MM-DD`.
    public var firstDate: String
    /// Last local date, `YYYY-MM-DD`.
    public var lastDate: String
    /// IANA time zone of the local dates and times (Europe/Paris).
    public var timeZone: String

    /// Makes a season.
    public init(id: String, name: String, firstDate: String, lastDate: String,
                timeZone: String = "Europe/Paris") {
        self.id = id
        self.name = name
        self.firstDate = firstDate
        self.lastDate = lastDate
        self.timeZone = timeZone
    }
}
