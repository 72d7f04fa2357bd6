/// The problem flattened into arrays for the search: matrices behind raw pointers, windows in
/// one array, skills as a vehicle × job table, neighbour lists. Immutable once built, so it is
/// shared between search threads.
final class Instance: @unchecked Sendable {
    let problem: Problem
    let locationCount: Int
    let jobCount: Int
    let vehicleCount: Int
    let dimensions: Int
    private let distance: UnsafeMutablePointer<Double>
    private let duration: UnsafeMutablePointer<Double>
    /// Whether durations are the distances, held once.
    private let sharesMatrix: Bool

    let jobLocation: [Int]
    let service: [Double]
    /// Windows of job `j` are `windowStart/End[windowOffset[j]..<windowOffset[j + 1]]`.
    let windowOffset: [Int]
    let windowStart: [Double]
    let windowEnd: [Double]
    /// Demand of job `j` in dimension `d` is `demand[j * dimensions + d]`.
    let demand: [Double]
    let penalty: [Double]
    let isMandatory: [Bool]
    /// Group of each job, -1 for none.
    let group: [Int]
    let groupMembers: [[Int]]
    let groupSeparation: [Double]
    let groupMaximum: [Int]
    let hasSeparation: Bool
    /// Set of alternatives of each job, numbered densely from 0; -1 for none.
    let alternatives: [Int]
    /// How many sets of alternatives there are.
    let alternativeSetCount: Int

    /// `compatible[v * jobCount + j]`: vehicle `v` has every skill job `j` needs.
    let compatible: [Bool]
    /// Capacity of vehicle `v` in dimension `d`; `.infinity` when unlimited.
    let capacity: [Double]
    /// Cost factor per distance unit and fixed cost, as the objective counts them.
    let arcFactor: [Double]
    let fixedCost: [Double]
    /// End location per vehicle, -1 for open routes.
    let endLocation: [Int]
    /// Index of the first vehicle identical to each vehicle (unused vehicles of one class are
    /// interchangeable, so insertion tries one of them).
    let vehicleClass: [Int]
    /// Vehicles of one tail class end alike (end, shift end, leg limits), so a route tail keeps
    /// its latest start times and leg feasibility when moved between them.
    let tailClass: [Int]
    let shiftStart: [Double]
    let shiftEnd: [Double]
    let maxDistance: [Double]
    let maxDuration: [Double]
    let maxJobs: [Int]
    let maxLegDistance: [Double]
    let maxLegDuration: [Double]
    let hasDurationLimit: [Bool]
    let scoreMap: ScoreMap
    /// The Γ nearest other jobs of each job (by min of both directions' distance).
    let neighbours: [[Int]]

    init(_ problem: Problem, neighbourCount: Int = 30) {
        self.problem = problem
        let n = problem.locationCount
        locationCount = n
        jobCount = problem.jobs.count
        vehicleCount = problem.vehicles.count
        dimensions = problem.capacityDimensions
        distance = Self.copy(problem.distances)
        // Benchmarks and many callers give one matrix for both: sharing it halves the memory the
        // search reads at random, which on 1 000 locations (8 MB each) is mostly cache misses.
        sharesMatrix = problem.durations.values == problem.distances.values
        duration = sharesMatrix ? distance : Self.copy(problem.durations)
        let jobs = problem.jobs
        jobLocation = jobs.map(\.location)
        service = jobs.map(\.serviceDuration)
        (windowOffset, windowStart, windowEnd) = Self.flattenedWindows(jobs)
        let dimensionCount = problem.capacityDimensions
        demand = jobs.flatMap { $0.demand.isEmpty ? [Double](repeating: 0, count: dimensionCount) : $0.demand }
        penalty = jobs.map(\.penalty)
        isMandatory = jobs.map(\.isMandatory)
        group = jobs.map { $0.group ?? -1 }
        let members = Self.members(of: problem.groups.count, jobs)
        groupMembers = members
        groupSeparation = problem.groups.map(\.minimumSeparation)
        groupMaximum = problem.groups.map { $0.maximumServed ?? Int.max }
        hasSeparation = problem.groups.indices.contains { problem.groups[$0].minimumSeparation > 0 && members[$0].count > 1 }
        var setIndex: [Int: Int] = [:]
        alternatives = jobs.map { job in
            guard let set = job.alternatives else { return -1 }
            if let index = setIndex[set] { return index }
            setIndex[set] = setIndex.count
            return setIndex.count - 1
        }
        alternativeSetCount = setIndex.count
        let vehicles = problem.vehicles
        compatible = vehicles.flatMap { vehicle in
            let skills = Set(vehicle.skills)
            return jobs.map { $0.skills.allSatisfy(skills.contains) }
        }
        capacity = vehicles.flatMap { $0.capacity.isEmpty ? [Double](repeating: .infinity, count: dimensionCount) : $0.capacity }
        let plainDistance = problem.objective == .distance
        arcFactor = vehicles.map { plainDistance ? 1 : $0.costPerDistance }
        fixedCost = vehicles.map { plainDistance ? 0 : $0.fixedCost }
        endLocation = vehicles.map { $0.end ?? -1 }
        vehicleClass = vehicles.indices.map { v in vehicles.firstIndex(of: vehicles[v])! }
        tailClass = Self.tailClasses(vehicles)
        shiftStart = vehicles.map(\.shift.start)
        shiftEnd = vehicles.map(\.shift.end)
        maxDistance = vehicles.map { $0.maxDistance ?? .infinity }
        maxDuration = vehicles.map { $0.maxDuration ?? .infinity }
        maxJobs = vehicles.map { $0.maxJobs ?? Int.max }
        maxLegDistance = vehicles.map { $0.maxLegDistance ?? .infinity }
        maxLegDuration = vehicles.map { $0.maxLegDuration ?? .infinity }
        hasDurationLimit = vehicles.map { $0.maxDuration != nil }
        scoreMap = ScoreMap(problem.objective)
        neighbours = Self.nearestJobs(jobs, matrix: problem.distances, count: min(neighbourCount, max(0, jobs.count - 1)))
    }

    /// A matrix's values copied behind a pointer the instance owns (freed in `deinit`).
    private static func copy(_ matrix: Matrix) -> UnsafeMutablePointer<Double> {
        let values = UnsafeMutablePointer<Double>.allocate(capacity: max(1, matrix.values.count))
        for i in matrix.values.indices { values[i] = matrix.values[i] }
        return values
    }

    /// Every job's windows in one array (a job without windows may start any time), with the
    /// offset where each job's windows begin.
    private static func flattenedWindows(_ jobs: [Job]) -> (offset: [Int], start: [Double], end: [Double]) {
        var offsets = [0]
        var starts: [Double] = []
        var ends: [Double] = []
        for job in jobs {
            let windows = job.timeWindows.isEmpty ? [TimeWindow.always] : job.timeWindows
            starts.append(contentsOf: windows.map(\.start))
            ends.append(contentsOf: windows.map(\.end))
            offsets.append(starts.count)
        }
        return (offsets, starts, ends)
    }

    /// The jobs of each of `groupCount` groups, in job order.
    private static func members(of groupCount: Int, _ jobs: [Job]) -> [[Int]] {
        var members = [[Int]](repeating: [], count: groupCount)
        for (j, job) in jobs.enumerated() { if let g = job.group { members[g].append(j) } }
        return members
    }

    /// For each vehicle, the first vehicle that ends alike (end location, shift end, leg limits).
    private static func tailClasses(_ vehicles: [Vehicle]) -> [Int] {
        vehicles.indices.map { v in
            vehicles.firstIndex {
                $0.end == vehicles[v].end && $0.shift.end == vehicles[v].shift.end
                    && $0.maxLegDistance == vehicles[v].maxLegDistance && $0.maxLegDuration == vehicles[v].maxLegDuration
            }!
        }
    }

    /// The `count` jobs nearest each job, by the shorter of the two directions' distance (ties by index).
    private static func nearestJobs(_ jobs: [Job], matrix: Matrix, count: Int) -> [[Int]] {
        jobs.indices.map { a in
            let la = jobs[a].location
            var others = jobs.indices.filter { $0 != a }.map { b -> (Double, Int) in
                let lb = jobs[b].location
                return (min(matrix[la, lb], matrix[lb, la]), b)
            }
            others.sort { $0 < $1 }
            return others.prefix(count).map(\.1)
        }
    }

    deinit {
        distance.deallocate()
        if !sharesMatrix { duration.deallocate() }
    }

    /// Distance between locations; an open end (-1) costs nothing.
    @inline(__always) func dist(_ a: Int, _ b: Int) -> Double { b < 0 ? 0 : distance[a &* locationCount &+ b] }

    /// Travel duration between locations; an open end (-1) takes no time.
    @inline(__always) func time(_ a: Int, _ b: Int) -> Double { b < 0 ? 0 : duration[a &* locationCount &+ b] }

    /// Earliest service start of job `j` for an arrival at `arrival`, `.infinity` if every window
    /// has closed; O(log windows).
    @inline(__always) func earliestStart(_ j: Int, arrival: Double) -> Double {
        // Same tolerance as `exceeds`: a sum of distances that lands a rounding error past a
        // window's end must not pass the feasibility tests and then get no start here.
        var low = windowOffset[j]
        var high = windowOffset[j + 1]
        if high - low == 1 {
            return exceeds(arrival, windowEnd[low]) ? .infinity : max(arrival, windowStart[low])
        }
        while low < high {
            let mid = (low + high) >> 1
            if exceeds(arrival, windowEnd[mid]) { low = mid + 1 } else { high = mid }
        }
        return low == windowOffset[j + 1] ? .infinity : max(arrival, windowStart[low])
    }

    /// Latest service start of job `j` not after `bound`, `-.infinity` if none; O(log windows).
    @inline(__always) func latestStart(_ j: Int, notAfter bound: Double) -> Double {
        // Within the tolerance of `exceeds`, as `earliestStart`: a bound that a rounding error
        // puts just before a window's start still allows a start at that window's opening.
        var low = windowOffset[j]
        var high = windowOffset[j + 1]
        if high - low == 1 {
            return exceeds(windowStart[low], bound) ? -.infinity : min(max(bound, windowStart[low]), windowEnd[low])
        }
        while low < high {
            let mid = (low + high) >> 1
            if exceeds(windowStart[mid], bound) { high = mid } else { low = mid + 1 }
        }
        return low == windowOffset[j] ? -.infinity : min(max(bound, windowStart[low - 1]), windowEnd[low - 1])
    }

    /// Whether vehicle `v` has the skills of every job in `jobs`.
    @inline(__always) func canServe<C: Collection<Int>>(_ v: Int, _ jobs: C) -> Bool {
        jobs.allSatisfy { compatible[v &* jobCount &+ $0] }
    }

    /// Whether `value` exceeds `limit` beyond rounding noise.
    @inline(__always) func exceeds(_ value: Double, _ limit: Double) -> Bool {
        value > limit && value - limit > 1e-9 * max(1, abs(limit))
    }

    /// The objective's score of `components`.
    @inline(__always) func score(_ components: Components) -> Score { scoreMap.score(components) }

    /// Whether the problem is a plain symmetric TSP: one vehicle returning to its start, every
    /// job mandatory, no window, capacity, skill, group or route limit binding.
    var isPlainTSP: Bool {
        guard vehicleCount == 1, let vehicle = problem.vehicles.first, vehicle.end == vehicle.start,
            vehicle.maxDistance == nil, vehicle.maxDuration == nil, vehicle.maxJobs == nil,
            vehicle.maxLegDistance == nil, vehicle.maxLegDuration == nil,
            vehicle.shift.start == 0 || vehicle.shift.start == -.infinity, vehicle.shift.end == .infinity,
            problem.groups.isEmpty, jobCount >= 5
        else { return false }
        let windowless = problem.jobs.allSatisfy {
            $0.timeWindows.isEmpty || $0.timeWindows.allSatisfy { $0.start <= 0 && $0.end == .infinity }
        }
        let loadFree = capacity.allSatisfy { $0 == .infinity }
        return windowless && loadFree && isMandatory.allSatisfy { $0 } && compatible.allSatisfy { $0 }
            && problem.distances.isSymmetric
    }
}
