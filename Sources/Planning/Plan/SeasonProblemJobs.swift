import CivilTime
import Routing

/// The routing jobs of a season and what each stands for: per commune and season vehicle, the
/// kept events (mandatory), one optional job per visit still open, each standing evening held
/// at its date and its preferred evenings as alternatives of its rank's visit (see
/// `SeasonProblem` for the values).
struct SeasonProblemJobs {
    /// The routing jobs, by job index.
    var jobs: [Job] = []
    /// What each job stands for, by job index.
    var meanings: [SeasonProblem.JobMeaning] = []
    /// The next set of alternatives to hand out.
    private var nextAlternatives = 0

    /// Builds the jobs from `basis`, standing evenings announced to their mairie worth
    /// `stabilityPenalty` more at their date; `origin` is day 0 of the civil-minute clock.
    /// O(communes × tours × days).
    init(
        season: Season, basis: PlanBasis, stabilityPenalty: Double, fillValue: Double, places: SeasonProblemPlaces,
        kilometres: Matrix, origin: CivilDate
    ) {
        let calendar = EveningCalendar(season: season)
        let keptByCommune = Dictionary(grouping: basis.kept, by: \.insee)
        let standingByCommune = Dictionary(grouping: basis.standing, by: \.insee)
        for (c, commune) in season.communes.enumerated() {
            for v in season.vehicles.indices {
                guard let location = places.communeLocation[v][c] else { continue }
                add(
                    Visits(
                        commune: c, vehicle: v, location: location, kept: keptByCommune[commune.insee] ?? [],
                        standing: standingByCommune[commune.insee] ?? []),
                    basis: basis, stabilityPenalty: stabilityPenalty, fillValue: fillValue, season: season, calendar: calendar,
                    baseKilometres: kilometres[places.vehicleBase[v], location], origin: origin)
            }
        }
    }

    /// One commune's visits with one season vehicle, and where they stand.
    private struct Visits {
        let commune: Int
        let vehicle: Int
        let location: Int
        /// The commune's kept events, with any vehicle (they count against its visits).
        let kept: [KeptEvent]
        /// The commune's standing evenings, with any vehicle.
        let standing: [StandingEvening]
    }

    /// The value of serving visit `rank` of a commune: the value of filling an evening, plus
    /// the commune's visit value up to `minVisits` (`PlanObjective`).
    private static func value(of commune: Commune, rank: Int, weights: ObjectiveWeights, fillValue: Double) -> Double {
        fillValue + (rank <= commune.minVisits ? PlanObjective.visitValue(of: commune, weights: weights) : 0)
    }

    private mutating func add(
        _ visits: Visits, basis: PlanBasis, stabilityPenalty: Double, fillValue: Double, season: Season, calendar: EveningCalendar,
        baseKilometres: Double, origin: CivilDate
    ) {
        let (c, v) = (visits.commune, visits.vehicle)
        let commune = season.communes[c]
        let vehicle = season.vehicles[v]
        let weights = season.objective
        let serviceStart = Double(season.evenings.start.minutesSinceMidnight - vehicle.setupMinutes)
        let service = Double(vehicle.setupMinutes + season.evenings.durationMinutes)
        func window(_ date: CivilDate) -> TimeWindow {
            let at = Double(origin.days(to: date)) * 1440 + serviceStart
            return TimeWindow(start: at, end: at)
        }
        func append(
            _ windows: [TimeWindow], _ requirement: JobRequirement, rank: Int, isPreferredDate: Bool = false, kept: KeptEvent? = nil,
            standing: StandingEvening? = nil, alternatives: Int? = nil
        ) {
            jobs.append(
                Job(
                    location: visits.location, serviceDuration: service, timeWindows: windows, skills: [v], requirement: requirement,
                    group: c, alternatives: alternatives))
            meanings.append(
                SeasonProblem.JobMeaning(
                    commune: c, vehicle: v, rank: rank, isPreferredDate: isPreferredDate, kept: kept, standing: standing))
        }
        let tours = season.tours.filter { $0.vehicleID == vehicle.id && SeasonProblemPlaces.joins(commune, $0) }
        for event in visits.kept where tours.contains(where: { $0.name == event.tour }) {
            append([window(event.date)], .mandatory, rank: 0, kept: event)
        }
        if vehicle.travel == .returnToBase, SeasonProblem.exceedsReturnLimits(vehicle, km: 2 * baseKilometres) { return }
        let keptDates = Set(
            basis.kept.filter { event in season.tours.contains { $0.name == event.tour && $0.vehicleID == vehicle.id } }.map(\.date))
        let allowed = tours.flatMap { calendar.days(of: $0, for: commune) }
            .filter { $0.isCandidate && !keptDates.contains($0.date) }.sorted { $0.date < $1.date }
        let days = allowed.filter { basis.offers($0.date, to: commune.insee) }
        let open = commune.maxVisits - visits.kept.count
        guard open > 0 else { return }
        // A standing evening on a date the season no longer allows is not held: it moves or goes.
        let standing = visits.standing.filter { event in
            tours.contains { $0.name == event.tour } && allowed.contains { $0.date == event.date }
                && !basis.isDeclined(event.date, by: event.insee)
        }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }.prefix(open)
        // The one inexact case: standing evenings take the ranks in date order, each held at
        // its rank's value. When a re-plan must withdraw one of a commune's several standing
        // evenings (min_visits < max_visits), keeping the later one still values it at its
        // later rank (no visit value) although it is then the commune's first: the re-plan
        // withdraws the later evening unless the earlier one saves more than that. Rules and
        // counts are unaffected; only which of the two goes. (Seasons whose vehicles all return
        // to base are planned by the exact method, which has no such case.)
        let preferredDays = days.filter { $0.isPreferredDay || calendar.isPreferred($0.date, by: commune) }
        let firstRank = visits.kept.count + 1
        for (offset, rank) in (firstRank..<(firstRank + open)).enumerated() {
            let value = Self.value(of: commune, rank: rank, weights: weights, fillValue: fillValue)
            let held = offset < standing.count ? standing[standing.startIndex + offset] : nil
            // The visit of each rank is one of its alternatives: on any date at its value, on a
            // preferred evening at its value plus the bonus, or held at its standing date.
            let set = held != nil || !preferredDays.isEmpty ? nextAlternatives : nil
            if set != nil { nextAlternatives += 1 }
            // No window would mean any time: a visit with no date left is only its standing evening.
            if !days.isEmpty {
                append(days.map { window($0.date) }, .optional(penalty: value), rank: rank, alternatives: set)
            }
            if !preferredDays.isEmpty {
                append(
                    preferredDays.map { window($0.date) }, .optional(penalty: value + weights.preferredDateBonus), rank: rank,
                    isPreferredDate: true, alternatives: set)
            }
            if let held {
                let preferred =
                    allowed.contains { $0.date == held.date && $0.isPreferredDay } || calendar.isPreferred(held.date, by: commune)
                let bonus = PlanObjective.stabilityBonus(of: held, penalty: stabilityPenalty)
                append(
                    [window(held.date)], .optional(penalty: value + bonus + (preferred ? weights.preferredDateBonus : 0)), rank: rank,
                    standing: held, alternatives: set)
            }
        }
    }
}
