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
    mutating func rebuild(_ inst: Instance) {
        let n = jobs.count, dims = inst.dimensions, v = vehicle
        resize(&loc, n + 2)
        resize(&start, n + 2)
        resize(&latest, n + 2)
        resize(&cumDist, n + 2)
        resize(&cumLoad, (n + 2) * dims)
        cumDist[0] = 0
        for d in 0..<dims { cumLoad[d] = 0 }
        loc[0] = inst.problem.vehicles[v].start
        for p in 0..<n { loc[p + 1] = inst.jobLocation[jobs[p]] }
        loc[n + 1] = inst.endLocation[v]
        start[0] = inst.shiftStart[v]
        var leave = start[0]
        for p in 1...(n + 1) {
            let arrival = leave + inst.time(loc[p - 1], loc[p])
            cumDist[p] = cumDist[p - 1] + inst.dist(loc[p - 1], loc[p])
            if p <= n {
                let j = jobs[p - 1]
                start[p] = inst.earliestStart(j, arrival: arrival)
                leave = start[p] + inst.service[j]
                for d in 0..<dims { cumLoad[p * dims + d] = cumLoad[(p - 1) * dims + d] + inst.demand[j * dims + d] }
            } else {
                start[p] = arrival
                for d in 0..<dims { cumLoad[p * dims + d] = cumLoad[(p - 1) * dims + d] }
            }
        }
        latest[n + 1] = inst.shiftEnd[v]
        var p = n
        while p >= 0 {
            let service = p == 0 ? 0 : inst.service[jobs[p - 1]]
            let bound = latest[p + 1] - service - inst.time(loc[p], loc[p + 1])
            latest[p] = p == 0 ? bound : inst.latestStart(jobs[p - 1], notAfter: bound)
            p -= 1
        }
        distance = cumDist[n + 1]
        cost = n == 0 ? 0 : inst.arcFactor[v] * distance + inst.fixedCost[v]
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
    func departure(_ inst: Instance) -> Double {
        guard !jobs.isEmpty else { return start[0] }
        return max(start[0], start[1] - inst.time(loc[0], loc[1]))
    }
}
