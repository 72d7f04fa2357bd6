/// Local search to a local optimum over the granular neighbourhoods of `Moves/` (first
/// improvement, jobs in random order, each with its Γ nearest neighbours), plus the
/// optional-job moves. Each pass costs O(jobs × Γ × moves × evaluation).
struct LocalSearch {
    private let pairMoves: [any Move] =
        [Relocate(), Swap(), TwoOpt(), TwoOptStar(), OrOpt(), SwapStar()]
        + CrossExchange.variants.map { $0 as any Move }
    private let optional = OptionalJobs()
    /// Passes over all jobs before giving up on a local optimum (a safeguard, rarely reached).
    var maximumPasses = 50

    /// Improves `state` until no move improves it, or until `stop` says so (checked after each
    /// job); returns whether anything changed.
    @discardableResult
    func run(_ state: SearchState, rng: inout SplitMix64, until stop: (() -> Bool)? = nil) -> Bool {
        let instance = state.instance
        var order = Array(0..<instance.jobCount)
        var changed = false
        // Version counter when each job's neighbourhood was last tried: a pair whose routes have
        // not changed since then cannot improve (Vidal 2022), so later passes skip it — unless
        // groups must be spaced out, since a change to a third route can then free the pair.
        var lastTried = [Int](repeating: -1, count: instance.jobCount)
        let skipsUnchanged = !instance.hasSeparation
        for _ in 0..<maximumPasses {
            var improved = optional.insertUnassigned(state, rng: &rng)
            shuffle(&order, &rng)
            for u in order where state.placeOf[u].route != nil {
                if let stop, stop() { return changed || improved }
                if optional.remove(state, u) {
                    improved = true
                    continue
                }
                let since = lastTried[u]
                lastTried[u] = state.versions.current
                for v in instance.neighbours[u] {
                    guard let routeOfU = state.placeOf[u].route else { break }
                    guard let routeOfV = state.placeOf[v].route else {
                        if optional.replace(state, u, by: v) { improved = true }
                        continue
                    }
                    guard
                        !skipsUnchanged || state.routes[routeOfU].version > since
                            || state.routes[routeOfV].version > since
                    else { continue }
                    for move in pairMoves where state.placeOf[v].route != nil && state.placeOf[u].route != nil {
                        if move.improve(state, u, v) { improved = true }
                    }
                }
            }
            if !improved { break }
            changed = true
        }
        return changed
    }
}

/// Fisher–Yates shuffle driven by the seeded generator.
func shuffle<T>(_ array: inout [T], _ rng: inout SplitMix64) {
    guard array.count > 1 else { return }
    for i in stride(from: array.count - 1, to: 0, by: -1) {
        array.swapAt(i, rng.below(i + 1))
    }
}
