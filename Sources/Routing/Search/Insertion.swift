/// The best place to insert an unassigned job, as found by `SearchState.bestInsertion`.
struct Insertion {
    var route: Int
    var after: Int
    /// Score change of the insertion, including the penalty no longer paid.
    var delta: Score
    /// Change of cost only (fixed and distance cost of the route).
    var costDelta: Double
    /// Whether the route already served jobs (no vehicle added, no fixed cost).
    var usesRoute: Bool
}

extension SearchState {
    /// Whether job `j` may be served, in place of the served job `replaced` when one is given:
    /// its group below its maximum and none of its alternatives served, not counting `replaced`.
    @inline(__always) func hasRoom(for j: Int, replacing replaced: Int? = nil) -> Bool {
        let g = instance.group[j]
        if g >= 0, servedInGroup[g] >= instance.groupMaximum[g], replaced.map({ instance.group[$0] != g }) ?? true { return false }
        let set = instance.alternatives[j]
        if set >= 0, servedInAlternatives[set] >= 1, replaced.map({ instance.alternatives[$0] != set }) ?? true { return false }
        return true
    }

    /// Whether route `r` has room for job `j`: capacity and job count, the position-free checks.
    @inline(__always) func canTakeLoad(of j: Int, route r: Int) -> Bool {
        let route = routes[r]
        let v = route.vehicle
        let dimensions = instance.dimensions
        guard route.count < instance.maxJobs[v] else { return false }
        let total = (route.count + 1) * dimensions
        for d in 0..<dimensions
        where instance.exceeds(route.cumLoad[total + d] + instance.demand[j * dimensions + d], instance.capacity[v * dimensions + d]) {
            return false
        }
        return true
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

    /// The cheapest feasible insertion of unassigned job `j`, or nil. Routes holding one of the
    /// job's granular neighbours and, when `opensRoutes`, one unused vehicle per class are tried
    /// first; the other routes only when none of those can take it without a new vehicle. A position is checked for feasibility only when its distance
    /// increase could beat the best found. With `blink` > 0 each position is
    /// skipped with that probability (SISR "blinks", Christiaens & Vanden Berghe 2020).
    /// O(positions of the routes tried).
    func bestInsertion(of j: Int, blink: Double = 0, rng: inout SplitMix64) -> Insertion? {
        guard hasRoom(for: j) else { return nil }
        routeStamp &+= 1
        var candidates: [Int] = []
        for v in instance.neighbours[j] {
            if let r = placeOf[v].route, routeMark[r] != routeStamp {
                routeMark[r] = routeStamp
                candidates.append(r)
            }
        }
        if opensRoutes {
            for r in emptyRepresentatives {
                routeMark[r] = routeStamp
                candidates.append(r)
            }
        }
        candidates.sort()
        var best = bestInsertion(of: j, routes: candidates, blink: blink, rng: &rng)
        if best == nil || !best!.usesRoute {
            let others = routes.indices.filter { routeMark[$0] != routeStamp && routes[$0].count > 0 }
            if let other = bestInsertion(of: j, routes: others, blink: blink, rng: &rng),
                best == nil || other.delta.isBetter(than: best!.delta)
            {
                best = other
            }
        }
        return best
    }

    /// Best insertion over `list`: on used routes the cost change is the distance change, so
    /// positions are ranked by it and checked for feasibility cheapest first until one passes;
    /// an unused route has one position, checked directly. O(P log P) for P positions.
    private func bestInsertion(of j: Int, routes list: [Int], blink: Double, rng: inout SplitMix64) -> Insertion? {
        var best: Insertion?
        let served = unservedDelta(j, sign: -1)
        let jobLocation = instance.jobLocation[j]
        positionBuffer.removeAll(keepingCapacity: true)
        for r in list {
            let route = routes[r]
            guard instance.compatible[route.vehicle &* instance.jobCount &+ j] else { continue }
            if route.count == 0 {
                let e = evaluateInsertion(j, route: r, after: 0)
                guard e.isFeasible else { continue }
                let delta = instance.score(routeDelta(old: route, newCost: e.cost, newCount: e.count) + served)
                if best == nil || delta.isBetter(than: best!.delta) {
                    best = Insertion(route: r, after: 0, delta: delta, costDelta: e.cost, usesRoute: false)
                }
                continue
            }
            guard canTakeLoad(of: j, route: r) else { continue }
            let factor = instance.arcFactor[route.vehicle]
            let service = instance.service[j]
            for p in 0...route.count {
                let from = route.loc[p]
                let to = route.loc[p + 1]
                // The O(1) window test of `evaluate`, done here to skip hopeless positions early.
                let leave = route.start[p] + (p == 0 ? 0 : instance.service[route.jobs[p - 1]])
                let start = instance.earliestStart(j, arrival: leave + instance.time(from, jobLocation))
                if start == .infinity || instance.exceeds(start + service + instance.time(jobLocation, to), route.latest[p + 1]) {
                    continue
                }
                let estimate = factor * (instance.dist(from, jobLocation) + instance.dist(jobLocation, to) - instance.dist(from, to))
                positionBuffer.append((estimate, r, p))
            }
        }
        // Cheapest first: a few linear selections usually find a feasible position; sort the
        // rest only when they do not.
        var picked = 0
        while picked < positionBuffer.count {
            if picked == 8 { positionBuffer[picked...].sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) } }
            if picked < 8 {
                var m = picked
                for k in (picked + 1)..<positionBuffer.count
                where (positionBuffer[k].0, positionBuffer[k].1, positionBuffer[k].2)
                    < (positionBuffer[m].0, positionBuffer[m].1, positionBuffer[m].2)
                { m = k }
                positionBuffer.swapAt(picked, m)
            }
            let (estimate, r, p) = positionBuffer[picked]
            picked += 1
            if blink > 0 && rng.unit() < blink { continue }
            let delta = instance.score(Components(cost: estimate) + served)
            if let incumbent = best, !delta.isBetter(than: incumbent.delta) { break }
            let e = evaluateInsertion(j, route: r, after: p)
            guard e.isFeasible else { continue }
            best = Insertion(route: r, after: p, delta: delta, costDelta: estimate, usesRoute: true)
            break
        }
        return best
    }
}
