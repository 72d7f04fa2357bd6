import Planning
import Routing

/// One timed solver run on a benchmark instance, checked twice: by `SolutionChecker` against the
/// solver's model, and by `BenchmarkEvaluation` from the file alone.
struct BenchmarkMeasurement {
    /// The instance and its model.
    let benchmark: BenchmarkProblem
    /// The solver's answer.
    let solution: Solution
    /// Wall-clock seconds spent in `Solver.solve`.
    let seconds: Double
    /// The independent evaluation of the routes.
    let evaluation: BenchmarkEvaluation
    /// Whether both checks accept the solution and agree on its distance and vehicles.
    let isFeasible: Bool
    /// What the checks found, in the order found: the checker's violations, then the evaluation's problems.
    let problems: [String]

    /// Solves `benchmark` with `options`, whose `elapsedSeconds` is replaced by a stopwatch started here.
    init(_ benchmark: BenchmarkProblem, options: SolverOptions) {
        self.benchmark = benchmark
        var timed = options
        let stopwatch = Stopwatch()
        timed.elapsedSeconds = { stopwatch.seconds }
        solution = Solver.solve(benchmark.problem, options: timed)
        seconds = stopwatch.seconds
        let report = SolutionChecker(problem: benchmark.problem).check(solution)
        evaluation = BenchmarkEvaluation(routes: benchmark.nodeRoutes(of: solution), of: benchmark.instance)
        let agree =
            evaluation.vehicles == solution.cost.vehicles
            && abs(evaluation.distance - report.cost.distance) <= 1e-6 * max(1, evaluation.distance)
        isFeasible = report.isFeasible && evaluation.isFeasible && agree
        problems =
            report.violations.map { "vérificateur : \($0)" } + evaluation.problems.map { "réévaluation : " + $0 }
            + (agree ? [] : ["les deux vérifications diffèrent sur la distance ou les véhicules"])
    }

    /// The distance as the literature reports it under the instance's convention.
    var reportedCost: Double { benchmark.instance.convention.reportedCost(evaluation.distance) }

    /// The best-known entry to compare with: same instance name, convention and objective.
    func comparableEntry(in table: BKSTable?) -> BKSTable.Entry? {
        guard let entry = table?.entry(forInstance: benchmark.instance.name),
            entry.convention == benchmark.instance.convention
        else { return nil }
        switch (entry.objective, benchmark.objective) {
        case (.distance, .distance), (.vehiclesThenDistance, .hierarchical): return entry
        default: return nil
        }
    }

    /// The distance gap to `entry` in percent; nil without an entry, or under vehicles first when
    /// the vehicle counts differ (a distance with more vehicles is no comparison).
    func gapPercent(to entry: BKSTable.Entry?) -> Double? {
        guard let entry, benchmark.objective == .distance || evaluation.vehicles == entry.vehicles else { return nil }
        return 100 * (reportedCost - entry.cost) / entry.cost
    }

    /// The output line: `instance, objective, cost, vehicles, seconds, seed, feasible, bks, gap_pct, peak_rss_mb`.
    func jsonLine(seed: UInt64, bks table: BKSTable?, peakMegabytes: Double?) -> JSONLine {
        let decimals = benchmark.instance.convention.reportedDecimals
        let entry = comparableEntry(in: table)
        var line = JSONLine()
        line.append("instance", .string(benchmark.instance.name))
        line.append("objective", .string(benchmark.objective.rawValue))
        line.append("cost", .number(reportedCost, decimals: decimals))
        line.append("vehicles", .integer(evaluation.vehicles))
        line.append("seconds", .number(seconds, decimals: 3))
        line.append("seed", .number(String(seed)))
        line.append("feasible", .bool(isFeasible))
        line.append("bks", entry.map { .number($0.cost, decimals: decimals) } ?? .null)
        line.append("gap_pct", gapPercent(to: entry).map { .number($0, decimals: 2) } ?? .null)
        line.append("peak_rss_mb", peakMegabytes.map { .number($0, decimals: 1) } ?? .null)
        return line
    }

    /// The routes in the CVRPLIB `.sol` format that `run_anchor.py --evaluate` scores.
    var routeFile: String {
        RouteFile.format(routes: benchmark.nodeRoutes(of: solution), of: benchmark.instance, cost: evaluation.distance)
    }
}
