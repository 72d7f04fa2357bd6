/// One vehicle's route with per-position summaries for O(1) move evaluation.
///
/// Position 0 is the start depot, positions 1...n the jobs, n + 1 the end (location -1 for an
/// open route). `start` holds the earliest-start schedule (departure at the shift start), and
/// `latest` the latest service start at each position that keeps the rest of the route
/// feasible: with waiting allowed, feasibility is monotone in the start time, so it generalises
/// to several windows per job by binary search (Savelsbergh 1992 forward/backward slack).
struct RouteState: Sendable {
    let vehicle: Int
    var jobs: [Int] = []
    var loc: [Int] = []
    var start: [Double] = []
    var latest: [Double] = []
    var cumDist: [Double] = []
    /// Load after position p in dimension d: `cumLoad[p * dimensions + d]`.
    var cumLoad: [Double] = []
    var distance: Double = 0
    var cost: Double = 0
    /// Which contents the route holds, among states sharing a `VersionCounter` (0: as created).
    var version = 0

    var count: Int { jobs.count }

    init(vehicle: Int, instance: Instance) {
        self.vehicle = vehicle
        rebuild(instance)
    }

    /// Recomputes every summary from `jobs`; O(n log windows).
    mutating func rebuild(_ instance: Instance) {
        let n = jobs.count
        let dimensions = instance.dimensions
        let v = vehicle
        resize(&loc, n + 2)
        resize(&start, n + 2)
        resize(&latest, n + 2)
        resize(&cumDist, n + 2)
        resize(&cumLoad, (n + 2) * dimensions)
        cumDist[0] = 0
        for d in 0..<dimensions { cumLoad[d] = 0 }
        loc[0] = instance.problem.vehicles[v].start
        for p in 0..<n { loc[p + 1] = instance.jobLocation[jobs[p]] }
        loc[n + 1] = instance.endLocation[v]
        start[0] = instance.shiftStart[v]
        var leave = start[0]
        for p in 1...(n + 1) {
            let arrival = leave + instance.time(loc[p - 1], loc[p])
            cumDist[p] = cumDist[p - 1] + instance.dist(loc[p - 1], loc[p])
            if p <= n {
                let j = jobs[p - 1]
                start[p] = instance.earliestStart(j, arrival: arrival)
                leave = start[p] + instance.service[j]
                for d in 0..<dimensions {
                    cumLoad[p * dimensions + d] = cumLoad[(p - 1) * dimensions + d] + instance.demand[j * dimensions + d]
                }
            } else {
                start[p] = arrival
                for d in 0..<dimensions { cumLoad[p * dimensions + d] = cumLoad[(p - 1) * dimensions + d] }
            }
        }
        latest[n + 1] = instance.shiftEnd[v]
        var p = n
        while p >= 0 {
            let service = p == 0 ? 0 : instance.service[jobs[p - 1]]
            let bound = latest[p + 1] - service - instance.time(loc[p], loc[p + 1])
            latest[p] = p == 0 ? bound : instance.latestStart(jobs[p - 1], notAfter: bound)
            p -= 1
        }
        distance = cumDist[n + 1]
        cost = n == 0 ? 0 : instance.arcFactor[v] * distance + instance.fixedCost[v]
    }

    /// Sets `array.count` to `count`, keeping its storage when it can (every element is
    /// overwritten by `rebuild`).
    private func resize<T: Numeric>(_ array: inout [T], _ count: Int) {
        if array.count > count {
            array.removeLast(array.count - count)
        } else if array.count < count {
            array.append(contentsOf: repeatElement(0, count: count - array.count))
        }
    }

    /// Departure from the start: late enough to reach the first job at its service start, never
    /// before the shift.
    func departure(_ instance: Instance) -> Double {
        guard !jobs.isEmpty else { return start[0] }
        return max(start[0], start[1] - instance.time(loc[0], loc[1]))
    }
}
