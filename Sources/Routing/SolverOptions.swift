/// How long and how the solver searches.
///
/// Determinism: the same problem, options and seed give the same solution. With an
/// `iterationLimit` the time limit is ignored, so the output never depends on machine speed.
/// With only a `timeLimit` (which needs `elapsedSeconds`) the number of iterations, hence the
/// result, depends on the machine. With neither, `defaultIterations` apply.
public struct SolverOptions: Sendable {
    /// Seed of the random generator (SplitMix64).
    public var seed: UInt64
    /// Time budget in seconds, measured with `elapsedSeconds`.
    public var timeLimit: Double?
    /// Number of iterations (ruin-and-recreate steps, route elimination's included, or kicks for a
    /// TSP); overrides `timeLimit`.
    public var iterationLimit: Int?
    /// 1 (default) or 2: with 2, two searches with derived seeds run in parallel and the better
    /// result wins (ties go to the first), deterministic under an iteration limit.
    public var threads: Int
    /// Seconds elapsed since any fixed origin (the library never reads the clock itself).
    public var elapsedSeconds: (@Sendable () -> Double)?
    /// Problems with at most this many jobs (and no group separation) are solved exactly.
    public var exactJobLimit: Int
    /// Size Γ of the granular neighbour lists.
    public var neighbourCount: Int

    /// Iterations used when neither limit is usable.
    public static let defaultIterations = 2_000

    /// Creates options; every parameter has a default.
    public init(
        seed: UInt64 = 1, timeLimit: Double? = nil, iterationLimit: Int? = nil, threads: Int = 1,
        elapsedSeconds: (@Sendable () -> Double)? = nil, exactJobLimit: Int = 10, neighbourCount: Int = 30
    ) {
        self.seed = seed
        self.timeLimit = timeLimit
        self.iterationLimit = iterationLimit
        self.threads = threads
        self.elapsedSeconds = elapsedSeconds
        self.exactJobLimit = exactJobLimit
        self.neighbourCount = neighbourCount
    }
}
