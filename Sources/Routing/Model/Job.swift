/// Whether a job must be served, or may be left out at a price (prize-collecting VRP).
public enum JobRequirement: Sendable, Hashable {
    /// The job must be served; leaving it out makes the solution infeasible.
    case mandatory
    /// The job may be left out; `penalty` is added to the objective when it is.
    case optional(penalty: Double)
}

/// A visit to serve: where, how long, when it may start, what it needs.
public struct Job: Sendable, Hashable {
    /// Index of the job's location in the problem's matrices.
    public var location: Int
    /// Time spent at the location once service has started.
    public var serviceDuration: Double
    /// Windows for the *start* of service: sorted, disjoint; empty means "any time".
    /// Waiting before a window opens is allowed.
    public var timeWindows: [TimeWindow]
    /// Amount taken from the vehicle's capacity, one value per capacity dimension (empty: none).
    public var demand: [Double]
    /// Skills the serving vehicle must have (arbitrary integer identifiers).
    public var skills: [Int]
    /// Mandatory, or optional with a penalty.
    public var requirement: JobRequirement
    /// Index of the job's group in `Problem.groups`, if any.
    public var group: Int?
    /// The job's set of alternatives, if any: of the jobs that share a set (any integer ≥ 0),
    /// at most one is served. One visit offered two ways (at its current date with a bonus, or
    /// at any other date) is two jobs of one set, each also in the visit's group.
    public var alternatives: Int?

    /// Creates a job; only the location is required.
    public init(
        location: Int,
        serviceDuration: Double = 0,
        timeWindows: [TimeWindow] = [],
        demand: [Double] = [],
        skills: [Int] = [],
        requirement: JobRequirement = .mandatory,
        group: Int? = nil,
        alternatives: Int? = nil
    ) {
        self.location = location
        self.serviceDuration = serviceDuration
        self.timeWindows = timeWindows
        self.demand = demand
        self.skills = skills
        self.requirement = requirement
        self.group = group
        self.alternatives = alternatives
    }

    /// Whether the job must be served.
    public var isMandatory: Bool {
        if case .mandatory = requirement { return true }
        return false
    }

    /// The penalty for leaving the job out (0 for mandatory jobs, which count apart).
    public var penalty: Double {
        if case .optional(let penalty) = requirement { return penalty }
        return 0
    }
}
