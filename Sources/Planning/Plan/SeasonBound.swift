/// A lower bound on the documented objective (`PlanObjective`) of a compiled season, to say how
/// far a routed plan may be from the best one, and to prove it optimal when the plan reaches it.
///
/// Relax the rules that tie visits together (one evening per date, the minimum gap, each
/// tour's own count) and keep each commune's maximum visits and the season's total number of
/// evenings — or each vehicle's evenings, with each commune's visits counted per vehicle —:
/// the best choice is then the visits that save most, each saving at most its value
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
        var savings: [Pair: [Double]] = [:]
        for (index, meaning) in compiled.jobs.enumerated() where meaning.kept == nil && meaning.standing == nil && !meaning.isPreferredDate
        {
            let commune = season.communes[meaning.commune]
            let value = meaning.rank <= commune.minVisits ? PlanObjective.visitValue(of: commune, weights: weights) : 0
            let bonus =
                (hasPreferred.contains(meaning.commune) ? weights.preferredDateBonus : 0)
                + (hasStanding.contains(meaning.commune) ? largestStanding : 0)
            savings[Pair(commune: meaning.commune, vehicle: meaning.vehicle), default: []].append(
                value + bonus - leastCost(of: index, compiled))
        }
        for (c, commune) in season.communes.enumerated() {
            let short = commune.minVisits - keptByCommune[c, default: 0]
            if short > 0 { constant += Double(short) * PlanObjective.visitValue(of: commune, weights: weights) }
        }
        let kept = keptByCommune.values.reduce(0, +)
        let needed = max(0, filling - kept)
        func open(_ commune: Int) -> Int { max(0, season.communes[commune].maxVisits - keptByCommune[commune, default: 0]) }
        // Two relaxations, each a true bound; the larger is the better. Pooled: each commune's
        // visits over all vehicles, the season's evenings in all. By vehicle: each vehicle's
        // evenings, each commune's visits counted with each vehicle apart.
        var pooled: [Int: [Double]] = [:]
        for (pair, values) in savings { pooled[pair.commune, default: []].append(contentsOf: values) }
        let room = season.tours.reduce(0) { $0 + $1.evenings } - kept
        let pooledPicks = [(room, pooled.flatMap { commune, values in values.sorted(by: >).prefix(open(commune)) })]
        var vehiclePicks: [(Int, [Double])] = []
        for (v, vehicle) in season.vehicles.enumerated() {
            let evenings = season.tours.filter { $0.vehicleID == vehicle.id }.reduce(0) { $0 + $1.evenings }
            let keptHere = compiled.jobs.filter { $0.kept != nil && $0.vehicle == v }.count
            let own = savings.filter { $0.key.vehicle == v }.flatMap { pair, values in values.sorted(by: >).prefix(open(pair.commune)) }
            vehiclePicks.append((evenings - keptHere, own))
        }
        return constant - min(bestSaving(pooledPicks, needed: needed), bestSaving(vehiclePicks, needed: needed))
    }

    private struct Pair: Hashable {
        let commune: Int
        let vehicle: Int
    }

    /// The most the picks can save: from each group at most its room, at least `needed` in all
    /// (the visits that fill evenings, whatever they save), any other only when it saves.
    private static func bestSaving(_ groups: [(room: Int, savings: [Double])], needed: Int) -> Double {
        var saved = 0.0
        var taken = 0
        var rest: [Double] = []
        for group in groups {
            let sorted = group.savings.sorted(by: >).prefix(max(0, group.room))
            for saving in sorted {
                if saving > 0 {
                    saved += saving
                    taken += 1
                } else {
                    rest.append(saving)
                }
            }
        }
        for saving in rest.sorted(by: >).prefix(max(0, needed - taken)) { saved += saving }
        return saved
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
