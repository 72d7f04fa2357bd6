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

    /// Creates the calendar of a season. O(tours × days × rules).
    public init(season: Season) {
        self.season = season
        tourDays = season.tours.map { tour in tour.dates.map { Self.verdict(on: $0, tour: tour, season: season) } }
    }

    /// Every day of the tour with its verdict for the tour's vehicle. O(tours) for a tour of the
    /// season, O(days × rules) for another.
    public func days(of tour: Tour) -> [DayVerdict] {
        if let index = season.tours.firstIndex(where: { $0.name == tour.name && $0.dates == tour.dates && $0.vehicleID == tour.vehicleID })
        {
            return tourDays[index]
        }
        return tour.dates.map { Self.verdict(on: $0, tour: tour, season: season) }
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

    private static func verdict(on date: CivilDate, tour: Tour, season: Season) -> DayVerdict {
        let rules = season.evenings
        let holiday =
            FrenchHolidays.supportedYears.contains(date.year)
            ? FrenchHolidays.holiday(on: date, alsaceMoselle: rules.alsaceMoselle) : nil
        let school = rules.schoolHolidays.flatMap { rule in rule.periods.first { $0.days.contains(date) } }
        var preferred = false
        if holiday != nil, rules.publicHolidays == .prefer { preferred = true }
        if school != nil, rules.schoolHolidays?.policy == .prefer { preferred = true }

        let exclusion: EveningExclusion?
        if !rules.weekdays.contains(date.weekday) {
            exclusion = .weekday(date.weekday)
        } else if let blackout = rules.blackouts.first(where: { $0.dates.contains(date) }) {
            exclusion = .blackout(reason: blackout.reason)
        } else if let holiday, rules.publicHolidays == .avoid {
            exclusion = .publicHoliday(name: holiday.name)
        } else if let school, rules.schoolHolidays?.policy == .avoid {
            exclusion = .schoolHoliday(name: school.name)
        } else if let vehicle = season.vehicle(id: tour.vehicleID), vehicle.daysOff.contains(where: { $0.contains(date) }) {
            exclusion = .vehicleDayOff(vehicle: vehicle.name)
        } else {
            exclusion = nil
        }
        return DayVerdict(date: date, exclusion: exclusion, holiday: holiday, isPreferredDay: preferred)
    }

    private func communeExclusion(_ commune: Commune, on date: CivilDate, tour: Tour) -> EveningExclusion? {
        if !commune.tours.isEmpty, !commune.tours.contains(tour.name) { return .communeNotInTour }
        if let weekdays = commune.weekdays, !weekdays.contains(date.weekday) { return .communeWeekday(date.weekday) }
        if commune.unavailable.contains(where: { $0.contains(date) }) { return .communeUnavailable }
        return nil
    }
}
