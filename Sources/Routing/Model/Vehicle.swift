/// A vehicle (or crew) that performs one route.
public struct Vehicle: Sendable, Hashable {
    /// Location index where the route starts.
    public var start: Int
    /// Location index where the route ends; `nil` for an open route that stops at its last job.
    public var end: Int?
    /// Departure from `start` no earlier than `shift.start`; arrival at the end (or, for an open
    /// route, the end of the last service) no later than `shift.end`.
    public var shift: TimeWindow
    /// Capacity per dimension, matched with `Job.demand` (empty: unlimited).
    public var capacity: [Double]
    /// Skills the vehicle has.
    public var skills: [Int]
    /// Cost per unit of distance travelled.
    public var costPerDistance: Double
    /// Cost paid once if the vehicle serves at least one job.
    public var fixedCost: Double
    /// Longest total distance of the route.
    public var maxDistance: Double?
    /// Longest route duration: arrival at the end minus departure, where departure is the latest
    /// one that still reaches the first job at its service start (never before `shift.start`).
    public var maxDuration: Double?
    /// Most jobs on the route.
    public var maxJobs: Int?
    /// Longest distance of any single leg (e.g. a daily driving limit between two stops).
    public var maxLegDistance: Double?
    /// Longest travel duration of any single leg.
    public var maxLegDuration: Double?

    /// Creates a vehicle; only the start is required.
    public init(
        start: Int,
        end: Int? = nil,
        shift: TimeWindow = TimeWindow(start: 0, end: .infinity),
        capacity: [Double] = [],
        skills: [Int] = [],
        costPerDistance: Double = 1,
        fixedCost: Double = 0,
        maxDistance: Double? = nil,
        maxDuration: Double? = nil,
        maxJobs: Int? = nil,
        maxLegDistance: Double? = nil,
        maxLegDuration: Double? = nil
    ) {
        self.start = start
        self.end = end
        self.shift = shift
        self.capacity = capacity
        self.skills = skills
        self.costPerDistance = costPerDistance
        self.fixedCost = fixedCost
        self.maxDistance = maxDistance
        self.maxDuration = maxDuration
        self.maxJobs = maxJobs
        self.maxLegDistance = maxLegDistance
        self.maxLegDuration = maxLegDuration
    }

    /// A vehicle that starts and ends at the same depot.
    public static func roundTrip(
        depot: Int, shift: TimeWindow = TimeWindow(start: 0, end: .infinity),
        capacity: [Double] = []
    ) -> Vehicle {
        Vehicle(start: depot, end: depot, shift: shift, capacity: capacity)
    }
}
