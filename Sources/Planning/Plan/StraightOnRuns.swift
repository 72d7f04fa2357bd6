import CivilTime

/// What a straight-on vehicle's driving must cost at least, counted by *runs*: the evenings of
/// a tour on consecutive days, which the vehicle chains (`Planner.driving`); it leaves its base
/// for a run's first evening and goes home after its last. A run holds at most `longest`
/// evenings, the longest stretch of consecutive days on which one of the vehicle's tours may
/// hold one. Two ways to charge a run's kilometres to its evenings, each a lower bound.
///
/// By reach. A run is a closed walk from the base through its evenings, so for each of its
/// evenings it is at least the shortest way from the base to that commune and back (shortest
/// paths through the vehicle's places, so any distance matrix will do); at least, then, the
/// average of those over its evenings, and at least their sum divided by `longest`. Each
/// evening pays its reach (`Charge.reach`).
///
/// By role. Charge a leg between two communes half to the evening it leaves and half to the
/// one it enters, and a leg from or to the base wholly to its evening: each evening then pays,
/// by its place in its run,
/// - in the middle: half a leg in from another commune and half a leg out to another, two
///   different communes unless `minDaysBetweenVisits` lets one commune be visited two days
///   apart (and the commune itself only when it allows two days in a row);
/// - first: the leg from the base, and half a leg out to another commune;
/// - last: half a leg in, and the leg back to the base;
/// - alone: the round trip.
/// Each of these is at least its *role cost* below. A tour of *n* evenings has at least
/// ⌈n / its longest stretch⌉ runs, each with a first and a last evening, so a vehicle that holds
/// at least `fewestEvenings` has at least `fewestRuns` firsts and as many lasts. The
/// Lagrangian relaxation of those two counts (Fisher 1981): for any credit λ ≥ 0, driving ≥
/// Σ role cost − λ (firsts − R) − λ (lasts − R) ≥ Σ min over roles of (role cost − λ per first
/// or last it is) + 2 λ R. So each evening's `cost(at:charge:)` by role plus `2 λ fewestRuns` bounds the
/// vehicle's driving from below, whatever evenings are chosen.
struct StraightOnRuns {
    /// The role costs of one location, in euros.
    private struct Roles {
        var middle: Double
        var first: Double
        var last: Double
        var alone: Double
    }

    /// Role costs by location.
    private let roles: [Int: Roles]
    /// The reach of each location, in euros.
    private let reaches: [Int: Double]
    /// The fewest runs any plan that holds at least the given evenings has.
    let fewestRuns: Int
    /// A credit beyond which no evening's cost changes shape: every one is then cheapest alone.
    let largestCredit: Double

    /// The runs of season vehicle `v` in plans that give it at least `fewestEvenings` evenings.
    /// O(communes² + jobs × windows).
    init(_ compiled: SeasonProblem, vehicle v: Int, fewestEvenings: Int) {
        let season = compiled.season
        let vehicle = season.vehicles[v]
        let km = compiled.kilometres
        let base = compiled.tourBase[compiled.tourVehicle.firstIndex(of: v)!]
        let locations = compiled.communeLocation[v].values.sorted()
        let gap = season.minDaysBetweenVisits
        var roles: [Int: Roles] = [:]
        for location in locations {
            // The communes the vehicle can come from or go to, itself only when two
            // consecutive days may visit it.
            let others = locations.filter { $0 != location || gap <= 1 }
            let inbound = Self.twoNearest(others) { km[$0, location] }
            let outbound = Self.twoNearest(others) { km[location, $0] }
            // Coming from and going to one commune needs its visits two days apart.
            let middle =
                inbound.nearest == outbound.nearest && gap > 2
                ? min(inbound.distance + outbound.second, inbound.second + outbound.distance)
                : inbound.distance + outbound.distance
            let home = km[base, location]
            let back = km[location, base]
            roles[location] = Roles(
                middle: middle / 2 * vehicle.costPerKm, first: (home + outbound.distance / 2) * vehicle.costPerKm,
                last: (inbound.distance / 2 + back) * vehicle.costPerKm, alone: (home + back) * vehicle.costPerKm)
        }
        self.roles = roles
        largestCredit = roles.values.map(\.alone).max() ?? 0
        let tours = compiled.season.tours.indices.filter { compiled.tourVehicle[$0] == v }
        let stretches = Dictionary(uniqueKeysWithValues: tours.map { ($0, Self.longestStretch(compiled, tour: $0)) })
        fewestRuns = Self.fewestRuns(compiled, stretches: stretches, evenings: fewestEvenings)
        let longest = Double(stretches.values.max() ?? 0)
        let out = Self.shortestPaths(from: base, through: locations) { km[$0, $1] }
        let back = Self.shortestPaths(from: base, through: locations) { km[$1, $0] }
        var reaches: [Int: Double] = [:]
        for location in locations where longest > 0 {
            reaches[location] = (out[location]! + back[location]!) / longest * vehicle.costPerKm
        }
        self.reaches = reaches
    }

    /// How the kilometres of a run are charged to its evenings.
    enum Charge {
        /// Each evening its reach.
        case reach
        /// Each evening its role, each first or last evening earning `credit` euros.
        case role(credit: Double)
    }

    /// The least the evening at `location` can cost under `charge`.
    func cost(at location: Int, charge: Charge) -> Double {
        switch charge {
        case .reach:
            return reaches[location] ?? 0
        case .role(let credit):
            let role = roles[location]!
            return min(role.middle, role.first - credit, role.last - credit, role.alone - 2 * credit)
        }
    }

    /// The fewest runs that hold `evenings` evenings in the vehicle's tours: each tour offers
    /// runs of its longest stretch, up to its evening count; the longest are taken first.
    private static func fewestRuns(_ compiled: SeasonProblem, stretches: [Int: Int], evenings: Int) -> Int {
        var runs: [Int] = []
        for (t, longest) in stretches.sorted(by: { $0.key < $1.key }) where longest > 0 {
            let tour = compiled.season.tours[t]
            runs += Array(repeating: longest, count: tour.evenings / longest)
            if tour.evenings % longest > 0 { runs.append(tour.evenings % longest) }
        }
        var held = 0
        for (count, length) in runs.sorted(by: >).enumerated() {
            if held >= evenings { return count }
            held += length
        }
        return runs.count
    }

    /// The shortest distance from `origin` to each of `places`, going through any of them
    /// (Dijkstra on the dense graph, `distance(a, b)` from a to b). O(places²).
    private static func shortestPaths(from origin: Int, through places: [Int], _ distance: (Int, Int) -> Double) -> [Int: Double] {
        var best = Dictionary(uniqueKeysWithValues: places.map { ($0, distance(origin, $0)) })
        var open = Set(places)
        while let nearest = open.min(by: { (best[$0]!, $0) < (best[$1]!, $1) }) {
            open.remove(nearest)
            for place in open { best[place] = min(best[place]!, best[nearest]! + distance(nearest, place)) }
        }
        return best
    }

    /// The nearest of `places` by `distance`, its distance, and the second smallest distance
    /// (infinite when there are too few places). O(places).
    private static func twoNearest(_ places: [Int], _ distance: (Int) -> Double) -> (nearest: Int?, distance: Double, second: Double) {
        var nearest: Int?
        var first = Double.infinity
        var second = Double.infinity
        for place in places {
            let d = distance(place)
            if d < first {
                (second, first, nearest) = (first, d, place)
            } else if d < second {
                second = d
            }
        }
        return (nearest, first, second)
    }

    /// The most consecutive days of tour `t` on which some job of its vehicle may be held.
    private static func longestStretch(_ compiled: SeasonProblem, tour t: Int) -> Int {
        let tour = compiled.season.tours[t]
        var days = Set<Int>()
        for (j, meaning) in compiled.jobs.enumerated() where meaning.vehicle == compiled.tourVehicle[t] {
            for window in compiled.problem.jobs[j].timeWindows {
                let date = compiled.date(ofServiceStart: window.start, tour: t)
                if tour.dates.contains(date) { days.insert(compiled.origin.days(to: date)) }
            }
        }
        var longest = 0
        for day in days where !days.contains(day - 1) {
            var length = 1
            while days.contains(day + length) { length += 1 }
            longest = max(longest, length)
        }
        return longest
    }
}
