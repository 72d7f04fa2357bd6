import CivilTime

/// The season's rules for one day of a tour's vehicle (weekdays, blackouts, public and school
/// holidays, the vehicle's days off), with the public holidays of each year computed once.
struct DayRules {
    let season: Season
    /// The public holidays of every year the season's tours touch, by date.
    private let holidays: [CivilDate: PublicHoliday]
    /// The vehicles by identifier (the first of a repeated one, as `Season.vehicle(id:)` finds).
    private let vehicles: [String: Vehicle]

    /// The rules of `season` for the days of `tours`.
    init(season: Season, tours: [Tour]) {
        self.season = season
        var holidays: [CivilDate: PublicHoliday] = [:]
        for year in Self.years(of: tours, in: season) {
            for holiday in FrenchHolidays.holidays(in: year, alsaceMoselle: season.evenings.alsaceMoselle) {
                holidays[holiday.date] = holiday
            }
        }
        self.holidays = holidays
        vehicles = season.vehiclesByID
    }

    /// The years from the first tour's start to the last tour's end that the holiday rules know
    /// (a day of another year has no holiday, as `FrenchHolidays.holiday(on:)` says).
    private static func years(of tours: [Tour], in season: Season) -> [Int] {
        let supported = FrenchHolidays.supportedYears
        let inSeason = tours.compactMap { $0.dates.clamped(to: season.period) }
        guard let earliest = inSeason.map(\.first.year).min(), let latest = inSeason.map(\.last.year).max() else { return [] }
        let first = max(earliest, supported.lowerBound)
        let last = min(latest, supported.upperBound)
        return first <= last ? Array(first...last) : []
    }

    /// Every day of `tour` within the season with its verdict: a tour written past the season
    /// (`6027` for `2027`) is refused by validation, and walking its four thousand years first
    /// took a minute.
    func verdicts(of tour: Tour) -> [DayVerdict] {
        let vehicle = vehicles[tour.vehicleID]
        return tour.dates.clamped(to: season.period).map { $0.map { verdict(on: $0, vehicle: vehicle) } } ?? []
    }

    private func verdict(on date: CivilDate, vehicle: Vehicle?) -> DayVerdict {
        let rules = season.evenings
        let holiday = holidays[date]
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
        } else if let vehicle, vehicle.daysOff.contains(where: { $0.contains(date) }) {
            exclusion = .vehicleDayOff(vehicle: vehicle.name)
        } else {
            exclusion = nil
        }
        return DayVerdict(date: date, exclusion: exclusion, holiday: holiday, isPreferredDay: preferred)
    }
}
