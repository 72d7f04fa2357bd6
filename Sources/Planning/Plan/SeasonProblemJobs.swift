import CivilTime
import Routing

/// The routing jobs of a season and what each stands for: per commune and season vehicle, the
/// kept events (mandatory), one optional job per visit still open, and the preferred-date
/// variants (see `SeasonProblem` for the values).
struct SeasonProblemJobs {
    /// The routing jobs, by job index.
    var jobs: [Job] = []
    /// What each job stands for, by job index.
    var meanings: [SeasonProblem.JobMeaning] = []

    /// Builds the jobs; `origin` is day 0 of the civil-minute clock. O(communes × tours × days).
    init(season: Season, kept: [KeptEvent], places: SeasonProblemPlaces, kilometres: Matrix, origin: CivilDate) {
        let calendar = EveningCalendar(season: season)
        let keptByCommune = Dictionary(grouping: kept, by: \.insee)
        for (c, commune) in season.communes.enumerated() {
            let keptHere = keptByCommune[commune.insee] ?? []
            for v in season.vehicles.indices {
                guard let location = places.communeLocation[v][c] else { continue }
                add(
                    commune: c, vehicle: v, location: location, keptHere: keptHere, allKept: kept, season: season,
                    calendar: calendar, baseKilometres: kilometres[places.vehicleBase[v], location], origin: origin)
            }
        }
    }

    /// The value of serving visit `rank` of a commune: the missed-visit penalty times its
    /// factors, a share of it beyond `minVisits`.
    private static func value(of commune: Commune, rank: Int, weights: ObjectiveWeights) -> Double {
        var factor = 1.0
        if commune.hasCafe == false { factor *= weights.noCafeFactor }
        if commune.population < weights.smallVillagePopulation { factor *= weights.smallVillageFactor }
        return weights.missedVisitPenalty * factor * (rank <= commune.minVisits ? 1 : SeasonProblem.extraVisitShare)
    }

    private mutating func add(
        commune c: Int, vehicle v: Int, location: Int, keptHere: [KeptEvent], allKept kept: [KeptEvent],
        season: Season, calendar: EveningCalendar, baseKilometres: Double, origin: CivilDate
    ) {
        let commune = season.communes[c]
        let vehicle = season.vehicles[v]
        let weights = season.objective
        let serviceStart = Double(season.evenings.start.minutesSinceMidnight - vehicle.setupMinutes)
        let service = Double(vehicle.setupMinutes + season.evenings.durationMinutes)
        func window(_ date: CivilDate) -> TimeWindow {
            let at = Double(origin.days(to: date)) * 1440 + serviceStart
            return TimeWindow(start: at, end: at)
        }
        func append(_ windows: [TimeWindow], _ requirement: JobRequirement, rank: Int, isPreferredDate: Bool, kept: KeptEvent?) {
            jobs.append(
                Job(location: location, serviceDuration: service, timeWindows: windows, skills: [v], requirement: requirement, group: c))
            meanings.append(SeasonProblem.JobMeaning(commune: c, vehicle: v, rank: rank, isPreferredDate: isPreferredDate, kept: kept))
        }
        let tours = season.tours.filter { $0.vehicleID == vehicle.id && SeasonProblemPlaces.joins(commune, $0) }
        for event in keptHere where tours.contains(where: { $0.name == event.tour }) {
            append([window(event.date)], .mandatory, rank: 0, isPreferredDate: false, kept: event)
        }
        if vehicle.travel == .returnToBase, SeasonProblem.exceedsReturnLimits(vehicle, km: 2 * baseKilometres) { return }
        let keptDates = Set(
            kept.filter { event in season.tours.contains { $0.name == event.tour && $0.vehicleID == vehicle.id } }.map(\.date))
        let days = tours.flatMap { calendar.days(of: $0, for: commune) }
            .filter { $0.isCandidate && !keptDates.contains($0.date) }.sorted { $0.date < $1.date }
        let open = commune.maxVisits - keptHere.count
        guard !days.isEmpty, open > 0 else { return }
        let firstRank = keptHere.count + 1
        for rank in firstRank..<(firstRank + open) {
            append(
                days.map { window($0.date) }, .optional(penalty: Self.value(of: commune, rank: rank, weights: weights)),
                rank: rank, isPreferredDate: false, kept: nil)
        }
        // Worth the last visit's value plus the bonus: exact when one visit is accepted,
        // and never more than the visits it can replace when several are.
        for day in days where day.isPreferredDay || calendar.isPreferred(day.date, by: commune) {
            append(
                [window(day.date)],
                .optional(penalty: Self.value(of: commune, rank: commune.maxVisits, weights: weights) + weights.preferredDateBonus),
                rank: commune.maxVisits, isPreferredDate: true, kept: nil)
        }
    }
}
