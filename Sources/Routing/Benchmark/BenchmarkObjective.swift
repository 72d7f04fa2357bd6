/// What `tournee bench` asks the solver to minimise on instances with time windows.
public enum BenchmarkObjective: String, Sendable, CaseIterable {
    /// Total distance, vehicles free within the fleet.
    case distance
    /// Vehicles first, then distance (the Solomon / SINTEF convention).
    case hierarchical
}
