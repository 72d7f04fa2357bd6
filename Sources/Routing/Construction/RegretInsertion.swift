/// Regret-k insertion (Potvin & Rousseau 1993; Ropke & Pisinger 2006): repeatedly inserts the
/// job whose k best routes differ most in cost, so jobs with few good options go first. Best
/// insertions are cached per (job, route) and only the changed route is re-evaluated after each
/// insertion (all routes for group members when groups constrain each other).
/// O(jobs × total positions) to start, then O(jobs × (active routes + route length)) per insertion.
struct RegretInsertion {
    var k = 3

    func run(_ s: SearchState, jobs: [Int], rng: inout SplitMix64) {
        var table = InsertionTable(state: s, jobs: jobs)
        while !table.pending.isEmpty {
            let (choice, hopeless) = table.largestRegret(k: k)
            if !hopeless.isEmpty { table.pending.removeAll { hopeless.contains($0) } }
            guard let choice else { break }
            table.insert(choice)
        }
    }
}

/// The job chosen by a round of regret insertion and the route it goes to.
private struct RegretChoice {
    var job: Int
    var route: Int
}

/// The jobs still to insert and, for each (job, active route), its best insertion.
private struct InsertionTable {
    let state: SearchState
    let instance: Instance
    let routeCount: Int
    var pending: [Int]
    /// Best insertion score and position of job `pending[slot[j]]` in route r, at
    /// `slot[j] * routeCount + r`; position -1 when the route cannot take the job.
    var cacheScore: [Score]
    var cacheAfter: [Int]
    var slot: [Int]
    /// The used routes plus the first unused vehicle of each class, so a fleet of identical
    /// vehicles costs one column, not one per vehicle.
    var active: [Int] = []

    init(state: SearchState, jobs: [Int]) {
        self.state = state
        instance = state.instance
        routeCount = state.routes.count
        pending = jobs.sorted()
        cacheScore = [Score](repeating: .worst, count: pending.count * routeCount)
        cacheAfter = [Int](repeating: -1, count: pending.count * routeCount)
        slot = [Int](repeating: -1, count: instance.jobCount)
        for (index, j) in pending.enumerated() { slot[j] = index }
        active = firstActiveRoutes()
        for j in pending { for r in active { refresh(j, route: r) } }
    }

    private func firstActiveRoutes() -> [Int] {
        var routes: [Int] = []
        var seenClass = Set<Int>()
        for r in 0..<routeCount
        where state.routes[r].count > 0 || seenClass.insert(instance.vehicleClass[state.routes[r].vehicle]).inserted {
            routes.append(r)
        }
        return routes
    }

    /// Recomputes the best insertion of job `j` into route `r`.
    private mutating func refresh(_ j: Int, route r: Int) {
        let index = slot[j] * routeCount + r
        cacheScore[index] = .worst
        cacheAfter[index] = -1
        let route = state.routes[r]
        guard instance.compatible[route.vehicle * instance.jobCount + j], state.hasRoom(for: j),
            state.canTakeLoad(of: j, route: r)
        else { return }
        let served = state.unservedDelta(j, sign: -1)
        for p in 0...route.count {
            let e = state.evaluateInsertion(j, route: r, after: p)
            guard e.isFeasible else { continue }
            let delta = instance.score(state.routeDelta(old: route, newCost: e.cost, newCount: e.count) + served)
            if delta.isBetter(than: cacheScore[index]) {
                cacheScore[index] = delta
                cacheAfter[index] = p
            }
        }
    }

    /// The pending job whose k best routes differ most (ties to the better insertion), and the
    /// pending jobs no route can take with a gain: those are dropped for good.
    func largestRegret(k: Int) -> (RegretChoice?, hopeless: [Int]) {
        var chosen: RegretChoice?
        var chosenRegret = -Double.infinity
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
                chosen = RegretChoice(job: j, route: bestRoute)
                chosenRegret = regret
                chosenScore = best
            }
        }
        return (chosen, hopeless)
    }

    /// Inserts the chosen job at its cached best place, then refreshes the insertions it changed.
    mutating func insert(_ choice: RegretChoice) {
        let wasEmpty = state.routes[choice.route].count == 0
        state.insert(choice.job, route: choice.route, after: cacheAfter[slot[choice.job] * routeCount + choice.route])
        pending.removeAll { $0 == choice.job }
        let added = wasEmpty ? activateUnusedVehicle(like: choice.route) : nil
        refreshAfterInserting(choice, addedRoute: added)
    }

    /// Makes the next unused route of the class of `route` (which just became used) active, so
    /// that the class still offers one empty vehicle; returns it, nil when the class has none left.
    private mutating func activateUnusedVehicle(like route: Int) -> Int? {
        let vehicleClass = instance.vehicleClass[state.routes[route].vehicle]
        guard
            let next = (0..<routeCount).first(where: {
                state.routes[$0].count == 0 && !active.contains($0)
                    && instance.vehicleClass[state.routes[$0].vehicle] == vehicleClass
            })
        else { return nil }
        active.append(next)
        return next
    }

    /// Refreshes the changed route and the newly active one for every pending job; every active
    /// route for the jobs whose group or alternatives the insertion may have constrained (its own
    /// group and set, or any group when groups must be spaced out).
    private mutating func refreshAfterInserting(_ choice: RegretChoice, addedRoute: Int?) {
        let group = instance.group[choice.job]
        let set = instance.alternatives[choice.job]
        for j in pending {
            if instance.hasSeparation && instance.group[j] >= 0 || (group >= 0 && instance.group[j] == group)
                || (set >= 0 && instance.alternatives[j] == set)
            {
                for r in active { refresh(j, route: r) }
            } else {
                refresh(j, route: choice.route)
                if let addedRoute { refresh(j, route: addedRoute) }
            }
        }
    }
}
