/// The label-setting search of `ExactSolver` for one vehicle: the cheapest feasible route, and
/// its order, for every subset of jobs.
///
/// A label (set, last job, start time, distance, departure) is extended job by job; a label is
/// dropped when another with the same set and last job starts no later, has travelled no farther
/// and (if the vehicle has a duration limit) departed no earlier.
struct RouteLabelSearch {
    private struct Label {
        var time: Double
        var distance: Double
        var departure: Double
        var last: Int
        var parent: Int
    }

    private let instance: Instance
    private let vehicle: Int
    private let full: Int
    private let jobCount: Int
    private let dimensions: Int
    private let startLocation: Int
    private let endLocation: Int
    private let limitsDuration: Bool
    private var labels: [Label] = []
    /// Indices into `labels` of the undominated labels of each (set, last job), at `set * jobCount + last`.
    private var bucket: [[Int]]
    /// Total demand of each set per dimension, at `set * dimensions + d`.
    private var load: [Double]

    /// A search for vehicle `vehicle` over the subsets `0..<full` of the instance's jobs.
    init(_ instance: Instance, vehicle: Int, full: Int) {
        self.instance = instance
        self.vehicle = vehicle
        self.full = full
        jobCount = instance.jobCount
        dimensions = instance.dimensions
        startLocation = instance.problem.vehicles[vehicle].start
        endLocation = instance.endLocation[vehicle]
        limitsDuration = instance.hasDurationLimit[vehicle]
        bucket = [[Int]](repeating: [], count: full * max(jobCount, 1))
        load = [Double](repeating: 0, count: full * max(dimensions, 1))
    }

    /// Cheapest route cost (`.infinity` when the subset cannot form a feasible route) and order
    /// for every subset of jobs.
    mutating func run() -> (costs: [Double], orders: [[Int]]) {
        computeSetLoads()
        startOneJobRoutes()
        let (costs, ends) = extendAndCloseRoutes()
        return (costs, orders(endingAt: ends))
    }

    /// Fills `load` from each set's set without its lowest job.
    private mutating func computeSetLoads() {
        for mask in 1..<full {
            let j = mask.trailingZeroBitCount
            let rest = mask & (mask - 1)
            for d in 0..<dimensions { load[mask * dimensions + d] = load[rest * dimensions + d] + instance.demand[j * dimensions + d] }
        }
    }

    /// Whether the jobs of `mask` fit in the vehicle: capacity and job count.
    private func fits(_ mask: Int) -> Bool {
        (0..<dimensions).allSatisfy { !instance.exceeds(load[mask * dimensions + $0], instance.capacity[vehicle * dimensions + $0]) }
            && mask.nonzeroBitCount <= instance.maxJobs[vehicle]
    }

    /// Whether the leg from `from` to `to` keeps the vehicle's leg limits.
    private func legAllowed(_ from: Int, _ to: Int) -> Bool {
        !instance.exceeds(instance.dist(from, to), instance.maxLegDistance[vehicle])
            && !instance.exceeds(instance.time(from, to), instance.maxLegDuration[vehicle])
    }

    /// Keeps `label` for set `mask` unless a label there dominates it, dropping those it dominates.
    private mutating func add(_ label: Label, mask: Int) {
        let key = mask * jobCount + label.last
        for index in bucket[key] {
            let other = labels[index]
            if other.time <= label.time && other.distance <= label.distance
                && (!limitsDuration || other.departure >= label.departure)
            {
                return
            }
        }
        bucket[key].removeAll { [labels, limitsDuration] index in
            let other = labels[index]
            return label.time <= other.time && label.distance <= other.distance
                && (!limitsDuration || label.departure >= other.departure)
        }
        bucket[key].append(labels.count)
        labels.append(label)
    }

    /// Labels of the routes that serve one job straight from the start.
    private mutating func startOneJobRoutes() {
        let shiftStart = instance.shiftStart[vehicle]
        for j in 0..<jobCount where instance.compatible[vehicle * jobCount + j] && fits(1 << j) {
            let jobLocation = instance.jobLocation[j]
            guard legAllowed(startLocation, jobLocation) else { continue }
            let start = instance.earliestStart(j, arrival: shiftStart + instance.time(startLocation, jobLocation))
            guard start < .infinity, !instance.exceeds(instance.dist(startLocation, jobLocation), instance.maxDistance[vehicle]) else {
                continue
            }
            let departure = max(shiftStart, start - instance.time(startLocation, jobLocation))
            add(
                Label(time: start, distance: instance.dist(startLocation, jobLocation), departure: departure, last: j, parent: -1),
                mask: 1 << j)
        }
    }

    /// Takes the sets in increasing order (a set's labels come only from its subsets): each label
    /// is closed into a route, keeping the cheapest per set, and extended by every job not in it.
    /// Returns the cheapest cost of each set and the label its route ends with (-1 for none).
    private mutating func extendAndCloseRoutes() -> (costs: [Double], ends: [Int]) {
        var costs = [Double](repeating: .infinity, count: full)
        var ends = [Int](repeating: -1, count: full)
        costs[0] = 0
        for mask in 1..<full {
            for last in 0..<jobCount where mask & (1 << last) != 0 {
                for index in bucket[mask * jobCount + last] {
                    if let cost = closedRouteCost(labels[index]), cost < costs[mask] {
                        costs[mask] = cost
                        ends[mask] = index
                    }
                    extend(index, mask: mask)
                }
            }
        }
        return (costs, ends)
    }

    /// The cost of going to the end from `label`'s last job, nil when that breaks a limit.
    private func closedRouteCost(_ label: Label) -> Double? {
        let lastLocation = instance.jobLocation[label.last]
        let leave = label.time + instance.service[label.last]
        let arrival = leave + instance.time(lastLocation, endLocation)
        let distance = label.distance + instance.dist(lastLocation, endLocation)
        guard endLocation < 0 || legAllowed(lastLocation, endLocation), !instance.exceeds(arrival, instance.shiftEnd[vehicle]),
            !instance.exceeds(distance, instance.maxDistance[vehicle]),
            !(limitsDuration && instance.exceeds(arrival - label.departure, instance.maxDuration[vehicle]))
        else { return nil }
        return instance.arcFactor[vehicle] * distance + instance.fixedCost[vehicle]
    }

    /// Adds the labels of label `index` (of set `mask`) followed by each job it can take next.
    private mutating func extend(_ index: Int, mask: Int) {
        let label = labels[index]
        let lastLocation = instance.jobLocation[label.last]
        let leave = label.time + instance.service[label.last]
        for j in 0..<jobCount where mask & (1 << j) == 0 && instance.compatible[vehicle * jobCount + j] {
            let next = mask | (1 << j)
            let jobLocation = instance.jobLocation[j]
            guard fits(next), legAllowed(lastLocation, jobLocation) else { continue }
            let start = instance.earliestStart(j, arrival: leave + instance.time(lastLocation, jobLocation))
            let distance = label.distance + instance.dist(lastLocation, jobLocation)
            guard start < .infinity, !instance.exceeds(distance, instance.maxDistance[vehicle]) else { continue }
            add(Label(time: start, distance: distance, departure: label.departure, last: j, parent: index), mask: next)
        }
    }

    /// The job order of each set's route, read back through the labels' parents.
    private func orders(endingAt ends: [Int]) -> [[Int]] {
        var orders = [[Int]](repeating: [], count: full)
        for mask in 1..<full where ends[mask] >= 0 {
            var order: [Int] = []
            var index = ends[mask]
            while index >= 0 {
                order.append(labels[index].last)
                index = labels[index].parent
            }
            orders[mask] = order.reversed()
        }
        return orders
    }
}
