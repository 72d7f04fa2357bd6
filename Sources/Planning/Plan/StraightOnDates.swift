import Routing

/// A last polish of a routed plan's straight-on tours, on what the routing model does not see:
/// the model chains every stop to the next whatever the days between, while the vehicle goes
/// home between evenings that do not follow (`Planner.driving`), so the search leaves runs of
/// consecutive evenings broken for nothing. This local search moves an evening of a tour to a
/// free date of that tour, or swaps the dates of two of its evenings, when the tour's real
/// driving less its preferred-evening bonuses falls, and keeps every rule the search kept: each
/// visit on one of its own dates, the gap between a commune's visits, the legs' limits and the
/// times of the routing model. Kept, standing and preferred-date visits stay where they are.
/// First improvement in stop order until nothing improves, so the result is deterministic.
/// O(passes × stops² × stops) per tour.
struct StraightOnDates {
    let compiled: SeasonProblem
    let preferred: PreferredEvenings

    /// Passes over a tour before giving up on a local optimum (a safeguard).
    private let maximumPasses = 50
    /// The communes with a standing evening (re-planning).
    private let standingCommunes: Set<Int>

    /// A polish of `compiled`'s routed plans, `preferred` saying which evenings earn the bonus.
    init(compiled: SeasonProblem, preferred: PreferredEvenings) {
        self.compiled = compiled
        self.preferred = preferred
        let standing = Set(compiled.basis.standing.map(\.insee))
        standingCommunes = Set(compiled.season.communes.indices.filter { standing.contains(compiled.season.communes[$0].insee) })
    }

    /// `solution` with its straight-on tours' evenings on better dates.
    func improve(_ solution: Solution) -> Solution {
        var improved = solution
        var starts: [Int: Double] = [:]
        for route in solution.routes { for stop in route.stops { starts[stop.job] = stop.serviceStart } }
        for (r, route) in solution.routes.enumerated()
        where compiled.season.vehicles[compiled.tourVehicle[route.vehicle]].travel == .straightOn {
            improved.routes[r] = polish(route, starts: &starts)
        }
        return improved
    }

    private func polish(_ route: Route, starts: inout [Int: Double]) -> Route {
        var current = route
        guard var best = cost(of: current) else { return route }
        let shift = compiled.problem.vehicles[route.vehicle].shift
        for _ in 0..<maximumPasses {
            var changed = false
            func attempt(_ moved: [Int: Double]) {
                var stops = current.stops
                for (index, stop) in stops.enumerated() {
                    if let start = moved[stop.job] { stops[index] = Stop(job: stop.job, arrival: start, serviceStart: start) }
                }
                stops.sort { $0.serviceStart < $1.serviceStart }
                let candidate = Route(
                    vehicle: current.vehicle, departure: current.departure, stops: stops, arrival: current.arrival,
                    distance: current.distance)
                guard let value = cost(of: candidate), value < best - 1e-9 else { return }
                (current, best, changed) = (candidate, value, true)
                for (job, start) in moved { starts[job] = start }
            }
            for job in current.stops.map(\.job) where isMovable(job) {
                let used = Set(current.stops.map(\.serviceStart))
                for window in compiled.problem.jobs[job].timeWindows
                where shift.start <= window.start && window.start <= shift.end && !used.contains(window.start)
                    && keepsGap(job, at: window.start, apartFrom: [job], starts)
                {
                    attempt([job: window.start])
                    if starts[job] == window.start { break }
                }
            }
            let jobs = current.stops.map(\.job).filter(isMovable)
            for (i, a) in jobs.enumerated() {
                for b in jobs[(i + 1)...] {
                    let (atA, atB) = (starts[a]!, starts[b]!)
                    guard allows(a, at: atB), allows(b, at: atA), keepsGap(a, at: atB, apartFrom: [a, b], starts),
                        keepsGap(b, at: atA, apartFrom: [a, b], starts)
                    else { continue }
                    attempt([a: atB, b: atA])
                }
            }
            if !changed { break }
        }
        return current
    }

    /// Whether the job is a plain visit, free to take any of its dates: not kept, not held at
    /// a standing date, not a preferred-date visit, and of a commune with no standing evening
    /// (a visit that lands on one takes its identifier, and its stability is not counted here).
    private func isMovable(_ job: Int) -> Bool {
        let meaning = compiled.jobs[job]
        return meaning.kept == nil && meaning.standing == nil && !meaning.isPreferredDate
            && !standingCommunes.contains(meaning.commune)
    }

    /// Whether one of the job's windows holds `start`.
    private func allows(_ job: Int, at start: Double) -> Bool {
        compiled.problem.jobs[job].timeWindows.contains { $0.start <= start && start <= $0.end }
    }

    /// Whether `job` at `start` stays far enough from the other served visits of its commune
    /// (`excluded` aside: they move too, and were far enough apart before).
    private func keepsGap(_ job: Int, at start: Double, apartFrom excluded: Set<Int>, _ starts: [Int: Double]) -> Bool {
        guard let group = compiled.problem.jobs[job].group else { return true }
        let separation = compiled.problem.groups[group].minimumSeparation
        return starts.allSatisfy { other, at in
            excluded.contains(other) || compiled.problem.jobs[other].group != group || abs(at - start) >= separation
        }
    }

    /// The tour's real driving in euros less its preferred-evening bonuses, or nil when a leg
    /// breaks the routing model's limits or times.
    private func cost(of route: Route) -> Double? {
        let problem = compiled.problem
        let vehicle = problem.vehicles[route.vehicle]
        var (location, free) = (vehicle.start, vehicle.shift.start)
        func reaches(_ next: Int, by deadline: Double) -> Bool {
            let (km, minutes) = (problem.distances[location, next], problem.durations[location, next])
            if let limit = vehicle.maxLegDistance, km > limit { return false }
            if let limit = vehicle.maxLegDuration, minutes > limit { return false }
            return free + minutes <= deadline
        }
        for stop in route.stops {
            let next = problem.jobs[stop.job].location
            guard reaches(next, by: stop.serviceStart) else { return nil }
            (location, free) = (next, stop.serviceStart + problem.jobs[stop.job].serviceDuration)
        }
        if let end = vehicle.end, !reaches(end, by: vehicle.shift.end) { return nil }
        if vehicle.end == nil, free > vehicle.shift.end { return nil }
        let season = compiled.season
        let tour = season.tours[route.vehicle]
        let drive = Planner.driving(route, compiled)
        var value = (drive.legs.reduce(0) { $0 + $1.km } + drive.returnKm) * season.vehicles[compiled.tourVehicle[route.vehicle]].costPerKm
        for leg in drive.legs
        where preferred.contains(leg.date, insee: season.communes[compiled.jobs[leg.job].commune].insee, tour: tour.name) {
            value -= season.objective.preferredDateBonus
        }
        return value
    }
}
