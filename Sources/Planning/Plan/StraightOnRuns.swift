import CivilTime

/// What a straight-on vehicle's driving must cost at least, counted by *runs*: the evenings of
/// a tour on consecutive days, which the vehicle chains (`Planner.driving`); it leaves its base
/// for a run's first evening and goes home after its last.
///
/// Why it is a lower bound. A tour's kilometres are the sum of its legs. Charge a leg between
/// two communes half to the evening it leaves and half to the one it enters, and a leg from or
/// to the base wholly to its evening: each evening then pays, by its place in its run,
/// - in the middle: half a leg in from another commune and half a leg out to another, two
///   different communes unless `minDaysBetweenVisits` lets one commune be visited two days
///   apart (and the commune itself only when it allows two days in a row);
/// - first: the leg from the base, and half a leg out to another commune;
/// - last: half a leg in, and the leg back to the base;
/// - alone: the round trip.
/// Each of these is at least its *role cost* below. A run holds at most `longest` evenings,
/// the longest stretch of consecutive days on which the tour may hold one, so a tour of *n*
/// evenings has at least ⌈n / longest⌉ runs, each with a first and a last evening, and a
/// vehicle that holds at least `fewest evenings` has at least `fewestRuns` firsts and as many
/// lasts. The Lagrangian relaxation of those two counts (Fisher 1981): for any credit λ ≥ 0,
/// driving ≥ Σ role cost − λ (firsts − R) − λ (lasts − R) ≥ Σ min over roles of (role cost −
/// λ per first or last it is) + 2 λ R. So each evening's `cost(of:credit:)` plus
/// `2 λ fewestRuns` bounds the vehicle's driving from below, whatever evenings are chosen.
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
        fewestRuns = Self.fewestRuns(compiled, vehicle: v, evenings: fewestEvenings)
    }

    /// The least the evening at `location` can cost when each first or last evening earns
    /// `credit` euros.
    func cost(at location: Int, credit: Double) -> Double {
        let role = roles[location]!
        return min(role.middle, role.first - credit, role.last - credit, role.alone - 2 * credit)
    }

    /// The fewest runs that hold `evenings` evenings in the vehicle's tours: each tour offers
    /// runs of its longest stretch, up to its evening count; the longest are taken first.
    private static func fewestRuns(_ compiled: SeasonProblem, vehicle v: Int, evenings: Int) -> Int {
        var runs: [Int] = []
        for (t, tour) in compiled.season.tours.enumerated() where compiled.tourVehicle[t] == v {
            let longest = longestStretch(compiled, tour: t)
            guard longest > 0 else { continue }
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
