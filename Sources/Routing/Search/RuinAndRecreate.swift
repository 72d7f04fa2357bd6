import Foundation

/// Adaptive-free ruin and recreate after SISR (Christiaens & Vanden Berghe 2020, "Slack induction
/// by string removals for vehicle routing problems"): remove a few strings of consecutive jobs
/// from routes near a random seed job, reinsert greedily in a random order with blinks, accept
/// by simulated annealing on the objective's last level (higher levels may never worsen).
struct RuinAndRecreate {
    var averageRemoved = 10.0
    var maximumStringLength = 10.0
    var blinkRate = 0.01

    /// Removes strings of jobs from the routes nearest `center` (a random served job when nil);
    /// returns the removed jobs.
    func ruin(_ s: SearchState, around center: Int? = nil, rng: inout SplitMix64) -> [Int] {
        let instance = s.instance
        let served = instance.jobCount - s.unassigned.count
        guard served > 0 else { return [] }
        let usedRoutes = s.usedRouteCount
        let stringMax = min(maximumStringLength, Double(served) / Double(max(usedRoutes, 1)))
        let stringsMax = 4 * averageRemoved / (1 + stringMax) - 1
        let strings = Int(rng.unit() * max(stringsMax, 1)) + 1
        var seed = center ?? rng.below(instance.jobCount)
        while center == nil && s.placeOf[seed].route == nil { seed = (seed + 1) % instance.jobCount }
        var ruined: [Int] = []
        var removed: [Int] = []
        for c in [seed] + instance.neighbours[seed] {
            guard ruined.count < strings else { break }
            guard let r = s.placeOf[c].route, !ruined.contains(r) else { continue }
            let n = s.routes[r].count
            let length = Int(rng.unit() * min(Double(n), stringMax)) + 1
            let position = s.positionOf[c]
            let first = max(1, min(n - length + 1, position - rng.below(length)))
            removed.append(contentsOf: s.routes[r].jobs[(first - 1)..<(first - 1 + length)])
            ruined.append(r)
        }
        s.remove(removed)
        return removed
    }

    /// Reinserts `jobs` and the other unassigned jobs whose insertion improves the objective
    /// (those of `retrying` only, when given), in an order drawn as in SISR (random, largest
    /// demand, farthest, closest).
    func recreate(_ s: SearchState, _ jobs: [Int], retrying: [Int]? = nil, rng: inout SplitMix64) {
        let instance = s.instance
        var order = jobs
        for j in (retrying ?? s.unassigned).sorted() where !jobs.contains(j) { order.append(j) }
        shuffle(&order, &rng)
        let draw = rng.below(11)
        if draw >= 4 {
            // Largest demand first breaks its ties by the largest prize (the penalty of an
            // optional job left out), so a full tour is refilled with its most valuable jobs.
            let key: (Int) -> (Double, Double)
            let depot = instance.problem.vehicles[0].start
            if draw < 8 {
                key = { j in
                    (
                        -(0..<instance.dimensions).reduce(0) { $0 + instance.demand[j * instance.dimensions + $1] },
                        instance.isMandatory[j] ? -Double.infinity : -instance.penalty[j]
                    )
                }
            } else if draw < 10 {
                key = { j in (-instance.dist(depot, instance.jobLocation[j]), 0) }
            } else {
                key = { j in (instance.dist(depot, instance.jobLocation[j]), 0) }
            }
            order = order.enumerated().sorted {
                let (a, b) = (key($0.element), key($1.element))
                return (a.0, a.1, $0.offset) < (b.0, b.1, $1.offset)
            }.map(\.element)
        }
        for j in order where s.placeOf[j] == .unassigned {
            guard let best = s.bestInsertion(of: j, blink: blinkRate, rng: &rng), best.delta.isBetter(than: .zero) else { continue }
            s.insert(j, route: best.route, after: best.after)
        }
    }

    /// Whether every route is feasible (ruin may break group separation or non-metric timing).
    func routesAreFeasible(_ s: SearchState, _ touched: [Int]) -> Bool {
        touched.allSatisfy { r in
            s.beginMove()
            s.middle = s.routes[r].jobs
            let e = s.evaluate(r, through: 0, then: r, from: s.routes[r].count + 1)
            return e.isFeasible && s.separationHolds(excluding: r, r)
        }
    }

    /// Runs ruin-and-recreate from `state` within `budget`, returning the best state found,
    /// polished by local search.
    func search(_ state: SearchState, budget: Budget, rng: inout SplitMix64) -> SearchState {
        let localSearch = LocalSearch()
        let best = state.copy()
        var bestScore = best.score
        let current = state.copy()
        var currentScore = bestScore
        let candidate = state.copy()
        let arcs = Double(state.instance.jobCount + max(1, state.usedRouteCount))
        let meanArc = max(state.totalDistance / arcs, 1e-6)
        let initialTemperature = 0.5 * meanArc
        let finalTemperature = 0.005 * meanArc
        var iteration = 0
        while !budget.isExhausted(iteration) {
            iteration += 1
            candidate.assign(from: current)
            let removed = ruin(candidate, rng: &rng)
            if removed.isEmpty && candidate.unassigned.isEmpty { break }
            let touched = Array(Set(removed.compactMap { current.placeOf[$0].route })).sorted()
            guard routesAreFeasible(candidate, touched) else { continue }
            recreate(candidate, removed, rng: &rng)
            let score = candidate.score
            let temperature = initialTemperature * pow(finalTemperature / initialTemperature, budget.progress(iteration))
            if accepts(score, over: currentScore, temperature: temperature, rng: &rng) {
                current.assign(from: candidate)
                currentScore = score
                if score.isBetter(than: bestScore) {
                    best.assign(from: current)
                    bestScore = currentScore
                }
            }
        }
        localSearch.run(best, rng: &rng, until: budget.overtime)
        return best
    }

    /// Simulated-annealing acceptance on the last level; any higher level must not worsen.
    private func accepts(_ score: Score, over current: Score, temperature: Double, rng: inout SplitMix64) -> Bool {
        let pairs = [(score.levels.0, current.levels.0), (score.levels.1, current.levels.1), (score.levels.2, current.levels.2)]
        for (new, old) in pairs where Score.compare(Score(levels: (new, 0, 0, 0)), Score(levels: (old, 0, 0, 0))) != 0 {
            return new < old
        }
        return score.levels.3 < current.levels.3 - temperature * log(rng.unit() + 1e-300)
    }
}
