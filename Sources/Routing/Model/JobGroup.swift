/// A set of jobs sharing side constraints, e.g. several visits to one place over a season
/// (periodic VRP "time lag" between visits).
public struct JobGroup: Sendable, Hashable {
    /// Minimum time between the service starts of any two served jobs of the group (0: none).
    public var minimumSeparation: Double
    /// Maximum number of the group's jobs that may be served (`nil`: no limit).
    public var maximumServed: Int?

    /// Creates a group's rules; membership is declared on each `Job.group`.
    public init(minimumSeparation: Double = 0, maximumServed: Int? = nil) {
        self.minimumSeparation = minimumSeparation
        self.maximumServed = maximumServed
    }
}
