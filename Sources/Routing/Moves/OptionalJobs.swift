/// Moves that change which optional jobs are served (prize-collecting VRP): insert an
/// unassigned job at its best place, remove a served optional job, or replace a served optional
/// job by an unassigned neighbour in its place. Each applies only strict improvements.
struct OptionalJobs {
    /// Inserts every unassigned job, in ascending index order, whose best insertion improves
    /// the objective; O(unassigned × positions).
    func insertUnassigned(_ s: SearchState, rng: inout SplitMix64) -> Bool {
        var improved = false
        for j in s.unassigned.sorted() {
            guard let best = s.bestInsertion(of: j, rng: &rng), best.delta.isBetter(than: .zero) else { continue }
            s.insert(j, route: best.route, after: best.after)
            improved = true
        }
        return improved
    }

    /// Removes served optional job `u` if paying its penalty is better than serving it.
    func remove(_ s: SearchState, _ u: Int) -> Bool {
        guard let r = s.placeOf[u].route, !s.instance.isMandatory[u] else { return false }
        let p = s.positionOf[u]
        guard s.evaluateSingleChange(r, p - 1, p + 1, extra: s.unservedDelta(u, sign: 1), fill: {}) else { return false }
        s.remove(u)
        return true
    }

    /// Replaces served optional job `u` by unassigned job `w` at u's place if that improves.
    func replace(_ s: SearchState, _ u: Int, by w: Int) -> Bool {
        guard let r = s.placeOf[u].route, s.placeOf[w] == .unassigned, !s.instance.isMandatory[u],
            s.instance.compatible[s.routes[r].vehicle * s.instance.jobCount + w]
        else { return false }
        guard s.hasRoom(for: w, replacing: u) else { return false }
        let p = s.positionOf[u]
        let extra = s.unservedDelta(u, sign: 1) + s.unservedDelta(w, sign: -1)
        guard s.evaluateSingleChange(r, p - 1, p + 1, extra: extra, fill: { s.middle.append(w) }) else { return false }
        var jobs = s.routes[r].jobs
        jobs[p - 1] = w
        s.setJobs(r, jobs)
        s.release(u)
        return true
    }
}

extension SearchState {
    /// Like `evaluateSingle`, adding `extra` components (served/unserved jobs) to the delta.
    func evaluateSingleChange(_ r: Int, _ i: Int, _ j: Int, extra: Components, fill: () -> Void) -> Bool {
        beginMove()
        middle.removeAll(keepingCapacity: true)
        fill()
        let e = evaluate(r, through: i, then: r, from: j)
        guard e.isFeasible else { return false }
        let change = routeDelta(old: routes[r], newCost: e.cost, newCount: e.count) + extra
        return instance.score(change).isBetter(than: .zero) && separationHolds(excluding: r, r)
    }
}
