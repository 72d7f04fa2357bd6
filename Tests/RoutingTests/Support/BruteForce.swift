@testable import Routing

/// Exhaustive search over every assignment of jobs to vehicles (or to nobody) and every order,
/// scheduling each job as early as possible, judged by `SolutionChecker`: the reference the
/// exact method is tested against. O((V + 1)ⁿ · n!), for n ≤ 6.
enum BruteForce {
    /// The best weighted objective (penalties + cost) over all feasible solutions.
    static func bestObjective(_ problem: Problem) -> Double {
        let n = problem.jobs.count
        let v = problem.vehicles.count
        var best = Double.infinity
        var assignment = [Int](repeating: 0, count: n)
        let checker = SolutionChecker(problem: problem)
        func recurse(_ index: Int) {
            if index == n {
                var groups = [[Int]](repeating: [], count: v)
                for (job, vehicle) in assignment.enumerated() where vehicle < v { groups[vehicle].append(job) }
                for solution in solutions(problem, groups) {
                    let report = checker.check(solution)
                    let objective = report.cost.unservedPenalty + report.cost.cost
                    if report.violations.allSatisfy({ $0 == .costMismatch }) && objective < best { best = objective }
                }
                return
            }
            for choice in 0...v {
                assignment[index] = choice
                recurse(index + 1)
            }
        }
        recurse(0)
        return best
    }

    /// Every combination of orders of the given job sets, as solutions with earliest schedules.
    private static func solutions(_ problem: Problem, _ groups: [[Int]]) -> [Solution] {
        var result: [[Route]] = [[]]
        for (vehicle, jobs) in groups.enumerated() where !jobs.isEmpty {
            let routes = permutations(jobs).map { schedule(problem, vehicle: vehicle, order: $0) }
            result = result.flatMap { partial in routes.map { partial + [$0] } }
        }
        let served = Set(groups.flatMap { $0 })
        let unassigned = problem.jobs.indices.filter { !served.contains($0) }.map { UnassignedJob(job: $0, reason: .infeasible([])) }
        let zero = CostBreakdown(unservedMandatory: 0, unservedPenalty: 0, vehicles: 0, distance: 0, fixedCost: 0, distanceCost: 0)
        return result.map { Solution(routes: $0, unassigned: unassigned, cost: zero) }
    }

    private static func permutations(_ items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { i -> [[Int]] in
            var rest = items
            let head = rest.remove(at: i)
            return permutations(rest).map { [head] + $0 }
        }
    }

    private static func schedule(_ problem: Problem, vehicle v: Int, order: [Int]) -> Route {
        let vehicle = problem.vehicles[v]
        var starts: [Double] = []
        var location = vehicle.start
        var leave = vehicle.shift.start
        var distance = 0.0
        for j in order {
            let job = problem.jobs[j]
            let arrival = leave + problem.durations[location, job.location]
            let window = job.timeWindows.first { $0.end >= arrival }
            let start = job.timeWindows.isEmpty ? arrival : max(arrival, window?.start ?? .infinity)
            starts.append(start)
            distance += problem.distances[location, job.location]
            location = job.location
            leave = start + job.serviceDuration
        }
        let first = problem.jobs[order[0]].location
        let departure = max(vehicle.shift.start, starts[0] - problem.durations[vehicle.start, first])
        var stops: [Stop] = []
        var previous = vehicle.start
        var previousLeave = departure
        for (k, j) in order.enumerated() {
            let job = problem.jobs[j]
            stops.append(Stop(job: j, arrival: previousLeave + problem.durations[previous, job.location], serviceStart: starts[k]))
            previous = job.location
            previousLeave = starts[k] + job.serviceDuration
        }
        var arrival = previousLeave
        if let end = vehicle.end {
            distance += problem.distances[previous, end]
            arrival += problem.durations[previous, end]
        }
        return Route(vehicle: v, departure: departure, stops: stops, arrival: arrival, distance: distance)
    }
}
