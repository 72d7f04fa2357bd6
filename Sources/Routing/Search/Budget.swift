/// When a search stops, and how far along it is. With an iteration limit the time limit is
/// ignored, so the output never depends on machine speed; with only a time limit the result
/// depends on how many iterations the machine managed (documented in `SolverOptions`).
struct Budget {
    let iterationLimit: Int?
    let timeLimit: Double?
    let elapsed: (@Sendable () -> Double)?
    let startTime: Double

    init(_ options: SolverOptions, share: Double = 1) {
        iterationLimit = options.iterationLimit ?? (options.timeLimit == nil || options.elapsedSeconds == nil ? SolverOptions.defaultIterations : nil)
        timeLimit = options.timeLimit.map { $0 * share }
        elapsed = options.elapsedSeconds
        startTime = options.elapsedSeconds?() ?? 0
    }

    /// Fraction of the budget used after `iteration` iterations, in [0, 1].
    func progress(_ iteration: Int) -> Double {
        if let limit = iterationLimit { return min(1, Double(iteration) / Double(max(limit, 1))) }
        guard let timeLimit, let elapsed else { return 1 }
        return min(1, (elapsed() - startTime) / max(timeLimit, 1e-9))
    }

    /// For a final polish under a time limit only: whether 5 % past the limit is reached. Under
    /// an iteration limit it never is, so results stay independent of machine speed.
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
