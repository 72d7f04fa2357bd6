/// Regret-k insertion (Potvin & Rousseau 1993; Ropke & Pisinger 2006): repeatedly inserts the
/// job whose k best routes differ most in cost, so jobs with few good options go first. Best
/// insertions are cached per (job, route) and only the changed route is re-evaluated after each
/// insertion (all routes for group members when groups constrain each other).
/// O(jobs × total positions) to start, then O(jobs × (active routes + route length)) per insertion.
struct RegretInsertion {
    var k = 3

    func run(_ s: SearchState, jobs: [Int], rng: inout SplitMix64) {
        let inst = s.inst
        var pending = jobs.sorted()
        let routeCount = s.routes.count
        var cacheScore = [Score](repeating: .worst, count: pending.count * routeCount)
        var cacheAfter = [Int](repeating: -1, count: pending.count * routeCount)
        var slot = [Int](repeating: -1, count: inst.jobCount)
        for (index, j) in pending.enumerated() { slot[j] = index }

        func refresh(_ j: Int, _ r: Int) {
            let index = slot[j] * routeCount + r
            cacheScore[index] = .worst
            cacheAfter[index] = -1
            let route = s.routes[r]
            guard inst.compatible[route.vehicle * inst.jobCount + j], !s.groupIsFull(j), s.canTakeLoad(of: j, route: r) else { return }
            let served = s.unservedDelta(j, sign: -1)
            for p in 0...route.count {
                let e = s.evaluateInsertion(j, route: r, after: p)
                guard e.isFeasible else { continue }
                let delta = inst.score(s.routeDelta(old: route, newCost: e.cost, newCount: e.count) + served)
                if delta.isBetter(than: cacheScore[index]) {
                    cacheScore[index] = delta
                    cacheAfter[index] = p
                }
            }
        }
        // Active routes: the used ones plus the first unused vehicle of each class, so a fleet
        // of identical vehicles costs one column, not one per vehicle.
        var active: [Int] = []
        var seenClass = Set<Int>()
        for r in 0..<routeCount where s.routes[r].count > 0 || seenClass.insert(inst.vehicleClass[s.routes[r].vehicle]).inserted {
            active.append(r)
        }
        for j in pending { for r in active { refresh(j, r) } }

        while !pending.isEmpty {
            var chosen = -1, chosenRoute = -1, chosenRegret = -Double.infinity
            var chosenScore = Score.worst
            var hopeless: [Int] = []
            var options: [Double] = []
            for j in pending {
                options.removeAll(keepingCapacity: true)
                var bestRoute = -1
                var best = Score.worst
                for r in active {
                    let index = slot[j] * routeCount + r
                    guard cacheAfter[index] >= 0 else { continue }
                    options.append(cacheScore[index].scalar)
                    if cacheScore[index].isBetter(than: best) {
                        best = cacheScore[index]
                        bestRoute = r
                    }
                }
                guard bestRoute >= 0, best.isBetter(than: .zero) else {
                    hopeless.append(j)
                    continue
                }
                options.sort()
                var regret = 0.0
                for m in 1..<k { regret += m < options.count ? options[m] - options[0] : 1e30 }
                if regret > chosenRegret || (regret == chosenRegret && best.isBetter(than: chosenScore)) {
                    chosen = j
                    chosenRoute = bestRoute
                    chosenRegret = regret
                    chosenScore = best
                }
            }
            if !hopeless.isEmpty { pending.removeAll { hopeless.contains($0) } }
            guard chosen >= 0 else { break }
            let wasEmpty = s.routes[chosenRoute].count == 0
            s.insert(chosen, route: chosenRoute, after: cacheAfter[slot[chosen] * routeCount + chosenRoute])
            pending.removeAll { $0 == chosen }
            var added = -1
            if wasEmpty {
                let cls = inst.vehicleClass[s.routes[chosenRoute].vehicle]
                if let next = (0..<routeCount).first(where: { s.routes[$0].count == 0 && !active.contains($0)
                    && inst.vehicleClass[s.routes[$0].vehicle] == cls }) {
                    active.append(next)
                    added = next
                }
            }
            let group = inst.group[chosen]
            for j in pending {
                if inst.hasSeparation && inst.group[j] >= 0 || (group >= 0 && inst.group[j] == group) {
                    for r in active { refresh(j, r) }
                } else {
                    refresh(j, chosenRoute)
                    if added >= 0 { refresh(j, added) }
                }
            }
        }
    }
}
