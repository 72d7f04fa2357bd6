/// A lower bound on the documented objective (`PlanObjective`) of a compiled season, to say how
/// far a routed plan may be from the best one, and to prove it optimal when the plan reaches it.
///
/// Relax the rules that tie visits together (one evening per date, the minimum gap, each
/// tour's own count) and keep each commune's maximum visits and the season's total number of
/// evenings: the best choice is then the visits that save most, each saving at most its value
/// (the missed-visit penalty up to `min_visits`), the preferred-evening bonus when the commune
/// has a preferred evening, a standing evening's bonus when it has one, less the least its
/// driving can cost — its round trip when the vehicle returns to base, its cheapest way in
/// when it goes straight on. Filling evenings comes first, so a plan of `filling` evenings is
/// compared with plans of at least as many: the bound takes that many visits whatever they
/// save, then any other that saves. O(jobs log jobs).
public enum SeasonBound {
    /// The bound over plans of at least `filling` evenings, in euros; `preferred` says which
    /// kept evenings earn their bonus.
    public static func lowerBound(of compiled: SeasonProblem, filling: Int, preferred: PreferredEvenings) -> Double {
        let season = compiled.season
        let weights = season.objective
        var constant = compiled.basis.standing.reduce(0.0) {
            $0 + PlanObjective.stabilityBonus(of: $1, penalty: compiled.stabilityPenalty)
        }
        let largestStanding =
            constant > 0
            ? compiled.basis.standing.map {
                PlanObjective.stabilityBonus(of: $0, penalty: compiled.stabilityPenalty)
            }.max()! : 0
        var keptByCommune: [Int: Int] = [:]
        var hasPreferred = Set<Int>()
        var hasStanding = Set<Int>()
        for (index, meaning) in compiled.jobs.enumerated() {
            if let kept = meaning.kept {
                keptByCommune[meaning.commune, default: 0] += 1
                constant += leastCost(of: index, compiled)
                if preferred.contains(kept.date, insee: kept.insee, tour: kept.tour) { constant -= weights.preferredDateBonus }
            }
            if meaning.isPreferredDate { hasPreferred.insert(meaning.commune) }
            if meaning.standing != nil { hasStanding.insert(meaning.commune) }
        }
        var savingsByCommune: [Int: [Double]] = [:]
        for (index, meaning) in compiled.jobs.enumerated() where meaning.kept == nil && meaning.standing == nil && !meaning.isPreferredDate
        {
            let commune = season.communes[meaning.commune]
            let value = meaning.rank <= commune.minVisits ? PlanObjective.visitValue(of: commune, weights: weights) : 0
            let bonus =
                (hasPreferred.contains(meaning.commune) ? weights.preferredDateBonus : 0)
                + (hasStanding.contains(meaning.commune) ? largestStanding : 0)
            savingsByCommune[meaning.commune, default: []].append(value + bonus - leastCost(of: index, compiled))
        }
        for (c, commune) in season.communes.enumerated() {
            let short = commune.minVisits - keptByCommune[c, default: 0]
            if short > 0 { constant += Double(short) * PlanObjective.visitValue(of: commune, weights: weights) }
        }
        var picks: [Double] = []
        for (commune, savings) in savingsByCommune {
            let open = season.communes[commune].maxVisits - keptByCommune[commune, default: 0]
            picks.append(contentsOf: savings.sorted(by: >).prefix(max(0, open)))
        }
        let kept = keptByCommune.values.reduce(0, +)
        let room = season.tours.reduce(0) { $0 + $1.evenings } - kept
        let needed = max(0, filling - kept)
        var saved = 0.0
        for (taken, saving) in picks.sorted(by: >).prefix(max(0, room)).enumerated() where taken < needed || saving > 0 {
            saved += saving
        }
        return constant - saved
    }

    /// The least the job's driving can cost in any route of its tour.
    private static func leastCost(of job: Int, _ compiled: SeasonProblem) -> Double {
        let v = compiled.jobs[job].vehicle
        let vehicle = compiled.season.vehicles[v]
        let location = compiled.problem.jobs[job].location
        guard let tour = compiled.tourVehicle.firstIndex(of: v) else { return 0 }
        let base = compiled.tourBase[tour]
        if vehicle.travel == .returnToBase {
            return 2 * compiled.kilometres[base, location] * vehicle.costPerKm
        }
        // Straight on: the job is entered by exactly one leg, from the base or another stop.
        var cheapest = compiled.kilometres[base, location]
        for other in compiled.communeLocation[v].values where other != location {
            cheapest = min(cheapest, compiled.kilometres[other, location])
        }
        return cheapest * vehicle.costPerKm
    }
}
