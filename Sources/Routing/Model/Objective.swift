/// One quantity the objective can rank solutions by.
public enum ObjectiveCriterion: Sendable, Hashable {
    /// Sum of the penalties of the optional jobs left out.
    case unservedPenalty
    /// Number of vehicles that serve at least one job.
    case vehicles
    /// Fixed costs of the used vehicles plus cost per distance times distance.
    case cost
}

/// How solutions are compared. Leaving a mandatory job out always ranks first (fewer is better),
/// whatever the objective, so an infeasible solution never beats a feasible one.
public enum Objective: Sendable, Hashable {
    /// Plain total distance (benchmarks): vehicle costs are ignored, penalties still count.
    case distance
    /// Weighted sum of penalties, number of vehicles and cost.
    case weighted(unservedPenalty: Double = 1, vehicles: Double = 0, cost: Double = 1)
    /// Lexicographic order over the given criteria, most important first
    /// (e.g. `[.unservedPenalty, .vehicles, .cost]`, "vehicles first" in the VRPTW literature).
    case lexicographic([ObjectiveCriterion])

    /// Penalties first, then vehicles, then cost.
    public static let hierarchical = Objective.lexicographic([.unservedPenalty, .vehicles, .cost])
}
