import Dispatch

/// The routing solver's entry point.
public enum Solver {
    /// Solves `problem`: exactly when it is small (`isProvenOptimal` is then true), with the
    /// dedicated TSP search for a plain symmetric TSP, otherwise by regret insertion, local
    /// search and ruin-and-recreate, after route elimination when vehicles count before cost.
    /// Deterministic for a seed under an iteration limit.
    public static func solve(_ problem: Problem, options: SolverOptions = SolverOptions()) -> Solution {
        let instance = Instance(problem, neighbourCount: options.neighbourCount)
        if let exact = ExactSolver(instance).solve(maximumJobs: options.exactJobLimit) { return exact }
        let threads = max(1, min(2, options.threads))
        let seeds = (0..<threads).map { options.seed &+ UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
        let results = ResultSlots(count: threads)
        if threads == 1 {
            results.store(0, run(instance, options: options, seed: seeds[0]))
        } else {
            DispatchQueue.concurrentPerform(iterations: threads) { index in
                results.store(index, run(instance, options: options, seed: seeds[index]))
            }
        }
        var best = results.value(0)
        for index in 1..<threads {
            let other = results.value(index)
            if other.score.isBetter(than: best.score) { best = other }
        }
        return best.solution(lowerBound: best.lowerBound)
    }

    private static func run(_ instance: Instance, options: SolverOptions, seed: UInt64) -> SearchState {
        var rng = SplitMix64(seed: seed)
        var budget = Budget(options)
        var state = SearchState(instance)
        if instance.isPlainTSP {
            var improver = TourImprover(instance)
            improver.solve(state, budget: budget, rng: &rng)
            if instance.problem.objective == .distance {
                state.lowerBound = improver.lowerBound(upper: state.totalDistance)
            }
            return state
        }
        RegretInsertion().run(state, jobs: Array(0..<instance.jobCount), rng: &rng)
        if FleetMinimisation.applies(to: instance) && state.unassigned.isEmpty {
            let iterations: Int
            (state, iterations) = FleetMinimisation().search(state, budget: budget.leading(FleetMinimisation.budgetShare), rng: &rng)
            budget = budget.remainder(afterIterations: iterations)
        }
        return RuinAndRecreate().search(state, budget: budget, rng: &rng)
    }
}

/// One result slot per search thread, written once each from `concurrentPerform`.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [SearchState?]
    private let lock = DispatchQueue(label: "routing.results")

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ index: Int, _ state: SearchState) { lock.sync { slots[index] = state } }

    func value(_ index: Int) -> SearchState { lock.sync { slots[index]! } }
}
