import CivilTime

/// A season whose vehicles all return to base after each evening, as an assignment of visits
/// to evenings: each evening's kilometres are the round trip base → commune → base, so the
/// order of a tour does not matter and the season is the choice, per commune, of the evenings
/// it hosts. Costs are in euros of the documented objective (`PlanObjective`), less a constant.
///
/// Rules: a vehicle holds one event per evening; a tour holds at most its evenings (filling
/// them comes first); a commune has at most `max_visits`, each pair at least
/// `minDaysBetweenVisits` apart; confirmed and done evenings are fixed.
struct EveningAssignment {
    /// A commune that may host a vehicle on an evening, and what that costs.
    struct Candidate {
        /// Index in `season.communes`.
        let commune: Int
        /// Index in `season.vehicles`.
        let vehicle: Int
        /// Index in `season.tours`.
        let tour: Int
        /// The date, and its day number from the season's first day.
        let date: CivilDate
        let day: Int
        /// Round trip kilometres and minutes from the vehicle's base.
        let km: Double
        let minutes: Double
        /// Driving cost, less the preferred-evening bonus and the stability bonus of a
        /// standing evening on that date.
        let cost: Double
    }

    /// Every candidate, by commune then date.
    let candidates: [Candidate]
    /// The values of each commune's open visits in rank order (the missed-visit penalty up
    /// to `min_visits`, nothing beyond), by commune index; empty for a commune with no
    /// visit open.
    let visitValues: [[Double]]
    /// Evenings each tour may still take (its evenings less its kept ones).
    let tourCapacity: [Int]
    /// Days at least between two visits of a commune.
    let separation: Int
    /// The documented objective of a solution is its cost here plus this: the penalties of
    /// every open wanted visit, every standing evening's bonus, the kept evenings' costs.
    let constant: Double
    /// The kept evenings, by index in `basis.kept`, with their tour index.
    let kept: [(event: KeptEvent, tour: Int, commune: Int, km: Double, minutes: Double)]

    /// Whether `season` is an assignment: every vehicle returns to base.
    static func applies(to season: Season) -> Bool {
        season.vehicles.allSatisfy { $0.travel == .returnToBase }
    }

    /// The assignment of a compiled season (whose vehicles all return to base); refused when
    /// its kept evenings break a rule together (two on one evening, more than a tour or a
    /// commune takes, two visits too close). O(communes × tours × days).
    init(_ compiled: SeasonProblem, calendar: EveningCalendar, preferred: PreferredEvenings) throws(PlanningError) {
        let season = compiled.season
        let basis = compiled.basis
        let weights = season.objective
        separation = season.minDaysBetweenVisits
        var constant = basis.standing.reduce(0.0) {
            $0 + PlanObjective.stabilityBonus(of: $1, penalty: compiled.stabilityPenalty)
        }
        let tourIndex = Dictionary(uniqueKeysWithValues: season.tours.enumerated().map { ($0.element.name, $0.offset) })
        var kept: [(event: KeptEvent, tour: Int, commune: Int, km: Double, minutes: Double)] = []
        var capacity = season.tours.map(\.evenings)
        var keptDays: [String: [Int]] = [:]
        var vehicleKeptDates = Array(repeating: Set<CivilDate>(), count: season.vehicles.count)
        for event in basis.kept {
            guard let t = tourIndex[event.tour], let c = season.communes.firstIndex(where: { $0.insee == event.insee }) else { continue }
            let v = compiled.tourVehicle[t]
            let day = compiled.origin.days(to: event.date)
            let commune = season.communes[c]
            let sameCommune = keptDays[event.insee] ?? []
            if vehicleKeptDates[v].contains(event.date) || capacity[t] <= 0 || !season.tours[t].dates.contains(event.date)
                || sameCommune.count >= commune.maxVisits || sameCommune.contains(where: { abs($0 - day) < season.minDaysBetweenVisits })
            {
                throw .keptPlan(Self.refusal(of: event))
            }
            let location = compiled.communeLocation[v][c] ?? compiled.tourBase[t]
            let base = compiled.tourBase[t]
            let (km, minutes) = (2 * compiled.kilometres[base, location], 2 * compiled.minutes[base, location])
            kept.append((event, t, c, km, minutes))
            capacity[t] -= 1
            keptDays[event.insee, default: []].append(day)
            vehicleKeptDates[v].insert(event.date)
            let bonus = preferred.contains(event.date, insee: event.insee, tour: event.tour) ? weights.preferredDateBonus : 0
            constant += km * season.vehicles[v].costPerKm - bonus
        }
        let standing = Dictionary(
            basis.standing.map { (StandingKey(insee: $0.insee, tour: $0.tour, date: $0.date), $0) }, uniquingKeysWith: { a, _ in a })
        var candidates: [Candidate] = []
        var values: [[Double]] = []
        for (c, commune) in season.communes.enumerated() {
            let keptCount = keptDays[commune.insee]?.count ?? 0
            let value = PlanObjective.visitValue(of: commune, weights: weights)
            let open = max(0, commune.maxVisits - keptCount)
            values.append((0..<open).map { keptCount + $0 + 1 <= commune.minVisits ? value : 0 })
            constant += value * Double(max(0, commune.minVisits - keptCount))
            guard open > 0 else { continue }
            var own: [Candidate] = []
            for (t, tour) in season.tours.enumerated() where SeasonProblemPlaces.joins(commune, tour) {
                let v = compiled.tourVehicle[t]
                let vehicle = season.vehicles[v]
                guard let location = compiled.communeLocation[v][c] else { continue }
                let km = 2 * compiled.kilometres[compiled.tourBase[t], location]
                if SeasonProblem.exceedsReturnLimits(vehicle, km: km) { continue }
                for day in calendar.days(of: tour, for: commune) where day.isCandidate {
                    let date = day.date
                    let n = compiled.origin.days(to: date)
                    // A standing evening may stay at its date even before the first new one.
                    let held = standing[StandingKey(insee: commune.insee, tour: tour.name, date: date)]
                    let offered = held != nil ? !basis.isDeclined(date, by: commune.insee) : basis.offers(date, to: commune.insee)
                    guard !vehicleKeptDates[v].contains(date), offered,
                        !(keptDays[commune.insee] ?? []).contains(where: { abs($0 - n) < season.minDaysBetweenVisits })
                    else { continue }
                    var cost = km * vehicle.costPerKm
                    if preferred.contains(date, insee: commune.insee, tour: tour.name) { cost -= weights.preferredDateBonus }
                    if let held { cost -= PlanObjective.stabilityBonus(of: held, penalty: compiled.stabilityPenalty) }
                    own.append(
                        Candidate(
                            commune: c, vehicle: v, tour: t, date: date, day: n, km: km,
                            minutes: 2 * compiled.minutes[compiled.tourBase[t], location], cost: cost))
                }
            }
            candidates.append(contentsOf: own.sorted { ($0.day, $0.vehicle) < ($1.day, $1.vehicle) })
        }
        self.candidates = candidates
        visitValues = values
        tourCapacity = capacity.map { max(0, $0) }
        self.constant = constant
        self.kept = kept
    }

    /// The assignment cut into parts that share no vehicle and no commune (each vehicle with
    /// the communes only it serves, in practice), each solved on its own: the sum of their
    /// best plans is the whole's. Each part's candidates keep their index in `self` in
    /// `origin`; the constant and the kept evenings stay with the whole.
    func parts() -> [(part: EveningAssignment, origin: [Int])] {
        var leader = Array(0..<max(1, tourCapacity.count))
        func find(_ x: Int) -> Int { leader[x] == x ? x : find(leader[x]) }
        var firstTour: [Int: Int] = [:]
        for candidate in candidates {
            if let other = firstTour[candidate.commune] {
                leader[find(candidate.tour)] = find(other)
            } else {
                firstTour[candidate.commune] = candidate.tour
            }
        }
        // Tours of one vehicle share its evenings: one part.
        var vehicleTour: [Int: Int] = [:]
        for candidate in candidates {
            if let other = vehicleTour[candidate.vehicle] {
                leader[find(candidate.tour)] = find(other)
            } else {
                vehicleTour[candidate.vehicle] = candidate.tour
            }
        }
        let groups = Dictionary(grouping: candidates.indices, by: { find(candidates[$0].tour) })
        return groups.keys.sorted().map { root in
            let origin = groups[root]!
            let capacity = tourCapacity.indices.map { find($0) == root ? tourCapacity[$0] : 0 }
            let part = EveningAssignment(
                candidates: origin.map { candidates[$0] }, visitValues: visitValues, tourCapacity: capacity, separation: separation,
                constant: 0, kept: [])
            return (part, origin)
        }
    }

    private init(
        candidates: [Candidate], visitValues: [[Double]], tourCapacity: [Int], separation: Int, constant: Double,
        kept: [(event: KeptEvent, tour: Int, commune: Int, km: Double, minutes: Double)]
    ) {
        self.candidates = candidates
        self.visitValues = visitValues
        self.tourCapacity = tourCapacity
        self.separation = separation
        self.constant = constant
        self.kept = kept
    }

    /// The refusal of a kept evening the season's rules cannot keep, as the routing method says it.
    static func refusal(of event: KeptEvent) -> String {
        "l'événement confirmé \(event.id) (\(event.date), \(event.insee)) ne peut pas être gardé : il enfreint une règle de la saison ; vérifiez-le avec `tournee check`"
    }

    private struct StandingKey: Hashable {
        let insee: String
        let tour: String
        let date: CivilDate
    }
}
