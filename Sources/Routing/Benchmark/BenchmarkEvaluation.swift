/// Routes scored from the benchmark file alone, under its own distance convention, sharing no code
/// with the mapping to the solver's model nor with `SolutionChecker`: a second opinion on what
/// `tournee bench` reports, with the rules the published benchmark scorers apply.
///
/// Rules: every customer served exactly once; load within capacity; service starts at
/// max(arrival, ready time) and no later than the due date, travel time being the distance; the
/// vehicle leaves the depot at its opening and is back by its due date; no more routes than the file's
/// fleet (a TSP: one).
public struct BenchmarkEvaluation: Sendable, Equatable {
    /// Total distance under the instance's convention, before reporting's rounding.
    public let distance: Double
    /// Number of non-empty routes.
    public let vehicles: Int
    /// Every broken rule, in French, in the order found (empty when feasible).
    public let problems: [String]

    /// Whether no rule is broken.
    public var isFeasible: Bool { problems.isEmpty }

    /// Evaluates `routes` (node indices without the depot) on `instance`; O(n + total stops).
    public init(routes: [[Int]], of instance: BenchmarkInstance) {
        let depot = instance.depotIndex
        let used = routes.filter { !$0.isEmpty }
        var problems: [String] = []
        var visits = [Int](repeating: 0, count: instance.nodeCount)
        var total = 0.0
        for (index, route) in used.enumerated() {
            let label = "tournée \(index + 1)"
            var previous = depot
            var time = instance.timeWindows.isEmpty ? 0 : instance.timeWindows[depot].earliest
            var load = 0
            for node in route {
                guard node != depot, (0..<instance.nodeCount).contains(node) else {
                    problems.append("\(label) : nœud \(node) inconnu ou dépôt")
                    continue
                }
                visits[node] += 1
                let leg = instance.distance(from: previous, to: node)
                total += leg
                if !instance.timeWindows.isEmpty {
                    let window = instance.timeWindows[node]
                    time = max(time + leg, window.earliest)
                    if time > window.latest + Self.slack {
                        problems.append("\(label) : service au nœud \(node) à \(time), après sa fenêtre (\(window.latest))")
                    }
                    time += instance.serviceTimes.isEmpty ? 0 : instance.serviceTimes[node]
                }
                if !instance.demands.isEmpty { load += instance.demands[node] }
                previous = node
            }
            let back = instance.distance(from: previous, to: depot)
            total += back
            if !instance.timeWindows.isEmpty, time + back > instance.timeWindows[depot].latest + Self.slack {
                problems.append("\(label) : retour au dépôt à \(time + back), après \(instance.timeWindows[depot].latest)")
            }
            if let capacity = instance.capacity, load > capacity {
                problems.append("\(label) : charge \(load) au-delà de la capacité \(capacity)")
            }
        }
        for node in 0..<instance.nodeCount where node != depot && visits[node] != 1 {
            problems.append(visits[node] == 0 ? "nœud \(node) non servi" : "nœud \(node) servi \(visits[node]) fois")
        }
        let fleet = instance.kind == .tsp ? 1 : instance.vehicleLimit
        if let fleet, used.count > fleet {
            problems.append("\(used.count) tournées pour une flotte de \(fleet)")
        }
        self.distance = total
        self.vehicles = used.count
        self.problems = problems
    }

    /// Absorbs the rounding of sums of real distances (Solomon); far below the files' 1-unit data.
    private static let slack = 1e-6
}
