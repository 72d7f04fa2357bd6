/// A lower bound on the objective of a compiled season, to say how far a plan may be from the
/// best one, and to prove it optimal when the plan reaches it.
///
/// The objective is the penalties of the visits left out plus the cost of driving. Relax the
/// rules that tie visits together (one evening per date, the minimum gap, each tour's own count)
/// and keep only each commune's maximum visits and the season's total number of evenings: the
/// best choice is then the most valuable visits, each worth its penalty minus the least its
/// driving can cost — exactly its round trip when the vehicle returns to base, at least its
/// cheapest way in when it goes straight on. O(jobs log jobs).
public enum SeasonBound {
    /// The bound, in the objective's units (euros).
    public static func lowerBound(of compiled: SeasonProblem) -> Double {
        let problem = compiled.problem
        let season = compiled.season
        var totalPenalty = 0.0
        var keptCost = 0.0
        var valuesByCommune: [Int: [Double]] = [:]
        var keptByCommune: [Int: Int] = [:]
        for (index, job) in problem.jobs.enumerated() {
            let meaning = compiled.jobs[index]
            let cost = leastCost(of: index, compiled)
            if meaning.kept != nil {
                keptCost += cost
                keptByCommune[meaning.commune, default: 0] += 1
            } else {
                totalPenalty += job.penalty
                valuesByCommune[meaning.commune, default: []].append(job.penalty - cost)
            }
        }
        var picks: [Double] = []
        for (commune, values) in valuesByCommune {
            let open = season.communes[commune].maxVisits - keptByCommune[commune, default: 0]
            picks.append(contentsOf: values.filter { $0 > 0 }.sorted(by: >).prefix(max(0, open)))
        }
        let evenings = season.tours.reduce(0) { $0 + $1.evenings } - keptByCommune.values.reduce(0, +)
        let savings = picks.sorted(by: >).prefix(max(0, evenings)).reduce(0, +)
        return totalPenalty - savings + keptCost
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
