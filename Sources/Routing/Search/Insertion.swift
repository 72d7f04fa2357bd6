/// The best place to insert an unassigned job, as found by `SearchState.bestInsertion`.
struct Insertion {
    var route: Int
    var after: Int
    /// Score change of the insertion, including the penalty no longer paid.
    var delta: Score
    /// Change of cost only (fixed and distance cost of the route).
    var costDelta: Double
}

extension SearchState {
    /// Whether serving job `j` would exceed its group's maximum.
    @inline(__always) func groupIsFull(_ j: Int) -> Bool {
        let g = inst.group[j]
        return g >= 0 && servedInGroup[g] >= inst.groupMaximum[g]
    }

    /// Evaluates inserting unassigned job `j` after position `p` of route `r`, separation included.
    @inline(__always) func evaluateInsertion(_ j: Int, route r: Int, after p: Int) -> Evaluation {
        beginMove()
        middle.removeAll(keepingCapacity: true)
        middle.append(j)
        var e = evaluate(r, through: p, then: r, from: p + 1)
        if e.isFeasible && !separationHolds(excluding: r, r) { e.obstacle = .groupSeparation }
        return e
    }

    /// The cheapest feasible insertion of unassigned job `j` over every route and position, or nil.
    /// Unused vehicles of one class are tried once. With `blink` > 0 each position is skipped with
    /// that probability (SISR "blinks", Christiaens & Vanden Berghe 2020). O(total positions).
    func bestInsertion(of j: Int, blink: Double = 0, rng: inout SplitMix64) -> Insertion? {
        guard !groupIsFull(j) else { return nil }
        var best: Insertion?
        var triedEmptyClass = 0
        let served = unservedDelta(j, sign: -1)
        for r in routes.indices {
            let route = routes[r]
            guard inst.compatible[route.vehicle &* inst.jobCount &+ j] else { continue }
            if route.count == 0 {
                let cls = inst.vehicleClass[route.vehicle]
                if cls < 64 {
                    if triedEmptyClass & (1 << cls) != 0 { continue }
                    triedEmptyClass |= 1 << cls
                }
            }
            for p in 0...route.count {
                if blink > 0 && rng.unit() < blink { continue }
                let e = evaluateInsertion(j, route: r, after: p)
                guard e.isFeasible else { continue }
                let costDelta = e.cost - route.cost
                let delta = inst.score(routeDelta(old: route, newCost: e.cost, newCount: e.count) + served)
                if best == nil || delta.isBetter(than: best!.delta) {
                    best = Insertion(route: r, after: p, delta: delta, costDelta: costDelta)
                }
            }
        }
        return best
    }
}
