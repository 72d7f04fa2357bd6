import CivilTime

/// The evenings a commune prefers in each tour: its own preferred dates, and the kinds of day
/// the season prefers (public holidays or school holidays under `prefer`). One answer for the
/// objective, the planning methods and the plan's « date préférée » marks.
public struct PreferredEvenings: Sendable {
    private let dates: Set<Key>

    private struct Key: Hashable {
        let insee: String
        let tour: String
        let date: CivilDate
    }

    /// The preferred evenings of `season`. O(communes × tours × days).
    public init(season: Season, calendar: EveningCalendar) {
        var dates = Set<Key>()
        for commune in season.communes {
            for tour in season.tours where SeasonProblemPlaces.joins(commune, tour) {
                for day in calendar.days(of: tour, for: commune)
                where day.isPreferredDay || calendar.isPreferred(day.date, by: commune) {
                    dates.insert(Key(insee: commune.insee, tour: tour.name, date: day.date))
                }
            }
        }
        self.dates = dates
    }

    /// Whether an evening of `tour` in the commune `insee` on `date` is on a preferred evening.
    public func contains(_ date: CivilDate, insee: String, tour: String) -> Bool {
        dates.contains(Key(insee: insee, tour: tour, date: date))
    }
}
