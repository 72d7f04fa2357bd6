import CivilTime

/// One day of a tour and whether it can hold an evening, and if not, why.
public struct DayVerdict: Hashable, Sendable {
    /// The date.
    public let date: CivilDate
    /// The first rule that excludes the date, or nil when an evening is possible.
    public let exclusion: EveningExclusion?
    /// The public holiday on that date, if any (allowed or preferred holidays keep their name).
    public let holiday: PublicHoliday?
    /// Whether the date earns the preference bonus (a preferred kind of day).
    public let isPreferredDay: Bool

    /// Whether an evening can be held.
    public var isCandidate: Bool { exclusion == nil }
}

/// The season's evenings with the French calendar applied: which dates of each tour can hold an
/// evening, for the tour's vehicle and for each commune, and why the others cannot.
public struct EveningCalendar: Sendable {
    /// The season whose rules apply.
    public let season: Season
    /// The verdicts of each of the season's tours, by tour index: asked for once per commune,
    /// they were recomputed for each of thousands of communes.
    private let tourDays: [[DayVerdict]]
    /// The index of each tour of the season by what identifies it, so finding a tour's verdicts
    /// does not search every tour (a season of thousands of tours made that quadratic).
    private let tourIndex: [TourKey: Int]

    /// What `days(of:)` matches a tour on.
    private struct TourKey: Hashable {
        let name: String
        let dates: DateRange
        let vehicleID: String

        init(_ tour: Tour) {
            name = tour.name
            dates = tour.dates
            vehicleID = tour.vehicleID
        }
    }

    /// Creates the calendar of a season. O(tours × days × rules); the public holidays are
    /// computed once per year, not once per day.
    public init(season: Season) {
        self.season = season
        let rules = DayRules(season: season, tours: season.tours)
        tourDays = season.tours.map { tour in rules.verdicts(of: tour) }
        var index: [TourKey: Int] = [:]
        for (position, tour) in season.tours.enumerated() where index[TourKey(tour)] == nil {
            index[TourKey(tour)] = position
        }
        tourIndex = index
    }

    /// Every day of the tour with its verdict for the tour's vehicle. O(1) for a tour of the
    /// season, O(days × rules) for another.
    public func days(of tour: Tour) -> [DayVerdict] {
        if let index = tourIndex[TourKey(tour)] { return tourDays[index] }
        return DayRules(season: season, tours: [tour]).verdicts(of: tour)
    }

    /// The candidate dates of a tour for its vehicle.
    public func candidateDates(of tour: Tour) -> [CivilDate] {
        days(of: tour).filter(\.isCandidate).map(\.date)
    }

    /// Every day of the tour with its verdict for one commune (season rules first, then the commune's).
    public func days(of tour: Tour, for commune: Commune) -> [DayVerdict] {
        days(of: tour).map { day in
            guard day.isCandidate else { return day }
            return DayVerdict(
                date: day.date, exclusion: communeExclusion(commune, on: day.date, tour: tour),
                holiday: day.holiday, isPreferredDay: day.isPreferredDay)
        }
    }

    /// The candidate dates of one commune across all tours, with the tour of each.
    public func candidateDates(for commune: Commune) -> [(tour: Tour, date: CivilDate)] {
        season.tours.flatMap { tour in
            days(of: tour, for: commune).filter(\.isCandidate).map { (tour, $0.date) }
        }
    }

    /// Whether the commune lists this date among those it prefers.
    public func isPreferred(_ date: CivilDate, by commune: Commune) -> Bool {
        commune.preferred.contains { $0.contains(date) }
    }

    private func communeExclusion(_ commune: Commune, on date: CivilDate, tour: Tour) -> EveningExclusion? {
        if !commune.tours.isEmpty, !commune.tours.contains(tour.name) { return .communeNotInTour }
        if let weekdays = commune.weekdays, !weekdays.contains(date.weekday) { return .communeWeekday(date.weekday) }
        if commune.unavailable.contains(where: { $0.contains(date) }) { return .communeUnavailable }
        return nil
    }
}
