/// When a search stops, and how far along it is. With an iteration limit the time limit is
/// ignored, so the output never depends on machine speed; with only a time limit the result
/// depends on how many iterations the machine managed (documented in `SolverOptions`).
struct Budget {
    let iterationLimit: Int?
    let timeLimit: Double?
    let elapsed: (@Sendable () -> Double)?
    let startTime: Double

    init(_ options: SolverOptions) {
        iterationLimit =
            options.iterationLimit ?? (options.timeLimit == nil || options.elapsedSeconds == nil ? SolverOptions.defaultIterations : nil)
        timeLimit = options.timeLimit
        elapsed = options.elapsedSeconds
        startTime = options.elapsedSeconds?() ?? 0
    }

    private init(iterationLimit: Int?, timeLimit: Double?, elapsed: (@Sendable () -> Double)?, startTime: Double) {
        self.iterationLimit = iterationLimit
        self.timeLimit = timeLimit
        self.elapsed = elapsed
        self.startTime = startTime
    }

    /// The first `share` (0...1) of this budget, for a phase that starts now.
    func leading(_ share: Double) -> Budget {
        Budget(
            iterationLimit: iterationLimit.map { Int((Double($0) * share).rounded()) },
            timeLimit: timeLimit.map { max(0, $0 * share - secondsUsed) }, elapsed: elapsed, startTime: now)
    }

    /// What is left of this budget once a phase has used `iterations` of it, starting now.
    func remainder(afterIterations iterations: Int) -> Budget {
        Budget(
            iterationLimit: iterationLimit.map { max(0, $0 - iterations) },
            timeLimit: timeLimit.map { max(0, $0 - secondsUsed) }, elapsed: elapsed, startTime: now)
    }

    private var now: Double { elapsed?() ?? startTime }

    private var secondsUsed: Double { now - startTime }

    /// Fraction of the budget used after `iteration` iterations, in [0, 1].
    func progress(_ iteration: Int) -> Double {
        if let limit = iterationLimit { return limit <= 0 ? 1 : min(1, Double(iteration) / Double(limit)) }
        guard let timeLimit, let elapsed else { return 1 }
        return min(1, (elapsed() - startTime) / max(timeLimit, 1e-9))
    }

    /// For a final polish under a time limit only: whether 5 % past this budget's limit (that of
    /// the phase, for a `leading` or `remainder` budget) is reached. Under an iteration limit it
    /// never is, so results stay independent of machine speed.
    var overtime: (() -> Bool)? {
        guard iterationLimit == nil, let timeLimit, let elapsed else { return nil }
        let deadline = startTime + timeLimit * 1.05
        return { elapsed() >= deadline }
    }

    /// Whether the search must stop before iteration `iteration`.
    func isExhausted(_ iteration: Int) -> Bool {
        if let limit = iterationLimit { return iteration >= limit }
        return progress(iteration) >= 1
    }
}
