/// A lower bound on the documented objective (`PlanObjective`) of a compiled season, to say how
/// far a routed plan may be from the best one, and to prove it optimal when the plan reaches it.
///
/// Relax the rules that tie visits together (one evening per date, the minimum gap, each
/// tour's own count) and keep each commune's maximum visits and the season's total number of
/// evenings — or each vehicle's evenings, with each commune's visits counted per vehicle —:
/// the best choice is then the visits that save most, each saving at most its value
/// (the missed-visit penalty up to `min_visits`), the preferred-evening bonus on as many of a
/// commune's visits with a vehicle as it has preferred evenings with it, a standing evening's
/// bonus when it has one, less the least its driving can cost — its round trip when the
/// vehicle returns to base; when it goes straight on, its cheapest way in, or its share of its
/// run's kilometres (`StraightOnRuns`: by reach, or by role under a credit for each run's first
/// and last evening), the charge chosen per vehicle to raise the bound. Filling evenings comes
/// first, so a plan of `filling` evenings is compared with plans of at least as many: the bound
/// takes that many visits whatever they save, then any other that saves.
/// O(straight-on vehicles × 80 × jobs log jobs).
public enum SeasonBound {
    /// The bound over plans of at least `filling` evenings, in euros; `preferred` says which
    /// kept evenings earn their bonus.
    public static func lowerBound(of compiled: SeasonProblem, filling: Int, preferred: PreferredEvenings) -> Double {
        let relaxation = Relaxation(compiled, filling: filling, preferred: preferred)
        // Three relaxations, each a true bound; the largest is the best. Pooled: each
        // commune's visits over all vehicles, the season's evenings in all. By vehicle: each
        // vehicle's evenings, each commune's visits counted with each vehicle apart. By runs:
        // by vehicle, a straight-on vehicle's driving counted by runs.
        let cheapest = { (job: Int) in leastCost(of: job, compiled) }
        let best = max(relaxation.bound(cost: cheapest, pooled: true), relaxation.bound(cost: cheapest, pooled: false))
        let straightOn = compiled.season.vehicles.indices.filter {
            compiled.season.vehicles[$0].travel == .straightOn && compiled.tourVehicle.contains($0)
        }
        guard !straightOn.isEmpty else { return best }
        let runs = Dictionary(
            uniqueKeysWithValues: straightOn.map {
                ($0, StraightOnRuns(compiled, vehicle: $0, fewestEvenings: relaxation.fewestEvenings(of: $0)))
            })
        var charges = [Int: StraightOnRuns.Charge]()
        func byRuns() -> Double {
            var credited = 0.0
            for v in straightOn {
                if case .role(let credit) = charges[v] ?? .role(credit: 0) { credited += 2 * credit * Double(runs[v]!.fewestRuns) }
            }
            return credited
                + relaxation.bound(
                    cost: { job in
                        let meaning = compiled.jobs[job]
                        guard let run = runs[meaning.vehicle] else { return leastCost(of: job, compiled) }
                        return run.cost(at: compiled.problem.jobs[job].location, charge: charges[meaning.vehicle] ?? .role(credit: 0))
                    }, pooled: false)
        }
        // By role, the bound is concave in each credit (a Lagrangian dual): a ternary search
        // finds each vehicle's best credit, the others held; by reach when that is better.
        for v in straightOn {
            var (low, high) = (0.0, runs[v]!.largestCredit)
            for _ in 0..<40 {
                let (a, b) = (low + (high - low) / 3, high - (high - low) / 3)
                charges[v] = .role(credit: a)
                let atA = byRuns()
                charges[v] = .role(credit: b)
                if atA < byRuns() { low = a } else { high = b }
            }
            charges[v] = .role(credit: low)
            let byRole = byRuns()
            charges[v] = .reach
            if byRuns() < byRole { charges[v] = .role(credit: low) }
        }
        return max(best, byRuns())
    }

    private struct Pair: Hashable {
        let commune: Int
        let vehicle: Int
    }

    /// What the relaxations share: the constant part, the visits still open and what each is
    /// worth before its driving, the preferred evenings of each commune with each vehicle, and
    /// the rooms.
    private struct Relaxation {
        let compiled: SeasonProblem
        /// The standing bonuses, kept bonuses and the short visits' values.
        var constant = 0.0
        /// The kept jobs, whose driving is a constant.
        var kept: [Int] = []
        /// The open visit jobs and their worth before driving and preferred bonus.
        var open: [(job: Int, pair: Pair, worth: Double)] = []
        /// How many of a commune's visits with a vehicle may earn the preferred bonus.
        var preferredCount: [Pair: Int] = [:]
        /// Visits still open per commune.
        var openVisits: [Int: Int] = [:]
        /// Evenings not kept, in all and per vehicle.
        var room = 0
        var vehicleRoom: [Int] = []
        /// Evenings per vehicle, kept included.
        var vehicleEvenings: [Int] = []
        /// Evenings a plan must fill beyond the kept ones.
        var needed = 0
        let filling: Int
        let bonus: Double

        init(_ compiled: SeasonProblem, filling: Int, preferred: PreferredEvenings) {
            self.compiled = compiled
            self.filling = filling
            let season = compiled.season
            let weights = season.objective
            bonus = weights.preferredDateBonus
            constant = compiled.basis.standing.reduce(0.0) {
                $0 + PlanObjective.stabilityBonus(of: $1, penalty: compiled.stabilityPenalty)
            }
            let largestStanding =
                constant > 0
                ? compiled.basis.standing.map {
                    PlanObjective.stabilityBonus(of: $0, penalty: compiled.stabilityPenalty)
                }.max()! : 0
            var keptByCommune: [Int: Int] = [:]
            var hasStanding = Set<Int>()
            for (index, meaning) in compiled.jobs.enumerated() {
                let pair = Pair(commune: meaning.commune, vehicle: meaning.vehicle)
                if let event = meaning.kept {
                    keptByCommune[meaning.commune, default: 0] += 1
                    kept.append(index)
                    if preferred.contains(event.date, insee: event.insee, tour: event.tour) { constant -= weights.preferredDateBonus }
                }
                if meaning.isPreferredDate {
                    preferredCount[pair] = max(preferredCount[pair] ?? 0, compiled.problem.jobs[index].timeWindows.count)
                }
                if meaning.standing != nil {
                    hasStanding.insert(meaning.commune)
                    // A standing evening may be on a preferred date no other job offers.
                    preferredCount[pair, default: 0] += 1
                }
            }
            for (index, meaning) in compiled.jobs.enumerated()
            where meaning.kept == nil && meaning.standing == nil && !meaning.isPreferredDate {
                let commune = season.communes[meaning.commune]
                let value = meaning.rank <= commune.minVisits ? PlanObjective.visitValue(of: commune, weights: weights) : 0
                open.append(
                    (
                        index, Pair(commune: meaning.commune, vehicle: meaning.vehicle),
                        value + (hasStanding.contains(meaning.commune) ? largestStanding : 0)
                    ))
            }
            for (c, commune) in season.communes.enumerated() {
                let short = commune.minVisits - keptByCommune[c, default: 0]
                if short > 0 { constant += Double(short) * PlanObjective.visitValue(of: commune, weights: weights) }
                openVisits[c] = max(0, commune.maxVisits - keptByCommune[c, default: 0])
            }
            needed = max(0, filling - kept.count)
            room = season.tours.reduce(0) { $0 + $1.evenings } - kept.count
            for vehicle in season.vehicles {
                let evenings = season.tours.filter { $0.vehicleID == vehicle.id }.reduce(0) { $0 + $1.evenings }
                let keptHere = kept.filter { season.vehicles[compiled.jobs[$0].vehicle].id == vehicle.id }.count
                vehicleRoom.append(evenings - keptHere)
                vehicleEvenings.append(max(evenings, keptHere))
            }
        }

        /// The fewest evenings vehicle `v` holds in a plan of at least `filling` evenings: what
        /// the other vehicles cannot hold.
        func fewestEvenings(of v: Int) -> Int {
            max(0, filling - (vehicleEvenings.reduce(0, +) - vehicleEvenings[v]))
        }

        /// The bound when each job's driving costs at least `cost`, pooled or by vehicle.
        func bound(cost: (Int) -> Double, pooled: Bool) -> Double {
            let driving = kept.reduce(0.0) { $0 + cost($1) }
            var savings: [Pair: [Double]] = [:]
            for visit in self.open { savings[visit.pair, default: []].append(visit.worth - cost(visit.job)) }
            // The bonus goes to the visits that save most, as many as the preferred evenings.
            for (pair, values) in savings {
                let count = preferredCount[pair] ?? 0
                guard count > 0 else { continue }
                var sorted = values.sorted(by: >)
                for i in 0..<min(count, sorted.count) { sorted[i] += bonus }
                savings[pair] = sorted
            }
            func open(_ commune: Int) -> Int { openVisits[commune] ?? 0 }
            let picks: [(Int, [Double])]
            if pooled {
                var byCommune: [Int: [Double]] = [:]
                for (pair, values) in savings { byCommune[pair.commune, default: []].append(contentsOf: values) }
                picks = [(room, byCommune.flatMap { commune, values in values.sorted(by: >).prefix(open(commune)) })]
            } else {
                picks = vehicleRoom.indices.map { v in
                    (
                        vehicleRoom[v],
                        savings.filter { $0.key.vehicle == v }.flatMap { pair, values in values.sorted(by: >).prefix(open(pair.commune)) }
                    )
                }
            }
            return constant + driving - SeasonBound.bestSaving(picks, needed: needed)
        }
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
