/// SWAP* (Vidal 2022, "Hybrid genetic search for the CVRP: open-source implementation and SWAP*
/// neighborhood"): exchanges `u` and `v` between two routes, each inserted at its best place in
/// the other route rather than in the other's position. Candidate places are the three cheapest
/// by distance plus the other job's place; pairs of places are taken by their exact distance
/// change, cheapest first, and checked in full (windows, limits) while that change improves.
/// O(|A| + |B|) per pair to rank places, O(route) per checked candidate.
struct SwapStar: Move {
    private struct Place {
        var after: Int
        var estimate: Double
    }

    func improve(_ s: SearchState, _ u: Int, _ v: Int) -> Bool {
        guard let apart = s.routesApart(u, v) else { return false }
        let (firstRoute, secondRoute, a, b) = (apart.firstRoute, apart.secondRoute, apart.firstPosition, apart.secondPosition)
        guard s.instance.canServe(s.routes[secondRoute].vehicle, [u]), s.instance.canServe(s.routes[firstRoute].vehicle, [v]) else {
            return false
        }
        // The estimates are exact distance changes, so a pair whose total does not lower the cost
        // needs no feasibility check, nor do the pairs after it.
        let factorA = s.instance.arcFactor[s.routes[firstRoute].vehicle]
        let factorB = s.instance.arcFactor[s.routes[secondRoute].vehicle]
        let removal =
            factorA * removalChange(s, route: firstRoute, position: a) + factorB * removalChange(s, route: secondRoute, position: b)
        let placesU = places(s, job: u, route: secondRoute, removed: b)
        let placesV = places(s, job: v, route: firstRoute, removed: a)
        var pairs: [(Place, Place, Double)] = []
        for pu in placesU {
            for pv in placesV { pairs.append((pu, pv, removal + factorB * pu.estimate + factorA * pv.estimate)) }
        }
        pairs.sort { ($0.2, $0.0.after, $0.1.after) < ($1.2, $1.0.after, $1.1.after) }
        for (pu, pv, change) in pairs {
            guard change < 0 else { break }
            guard
                s.evaluatePair(
                    firstRoute, fillA: { fill(s, route: firstRoute, removed: a, after: pv.after, job: v) },
                    secondRoute, fillB: { fill(s, route: secondRoute, removed: b, after: pu.after, job: u) }) != nil
            else { continue }
            let newA = sequence(s, route: firstRoute, removed: a, after: pv.after, job: v)
            let newB = sequence(s, route: secondRoute, removed: b, after: pu.after, job: u)
            s.setJobs(firstRoute, newA)
            s.setJobs(secondRoute, newB)
            return true
        }
        return false
    }

    /// The distance change of taking the job at `position` out of route `r`.
    private func removalChange(_ s: SearchState, route r: Int, position p: Int) -> Double {
        let route = s.routes[r]
        let instance = s.instance
        return instance.dist(route.loc[p - 1], route.loc[p + 1]) - instance.dist(route.loc[p - 1], route.loc[p])
            - instance.dist(route.loc[p], route.loc[p + 1])
    }

    /// The three cheapest places for `job` in `route` once position `removed` is gone, by distance,
    /// plus the removed job's own place (`after == removed - 1`).
    private func places(_ s: SearchState, job: Int, route r: Int, removed: Int) -> [Place] {
        let route = s.routes[r]
        let instance = s.instance
        let jobLocation = instance.jobLocation[job]
        var best: [Place] = []
        for q in 0...route.count where q != removed && q != removed - 1 {
            let from = route.loc[q]
            let to = route.loc[q + 1]
            let estimate = instance.dist(from, jobLocation) + instance.dist(jobLocation, to) - instance.dist(from, to)
            if best.count < 3 || estimate < best[best.count - 1].estimate {
                best.append(Place(after: q, estimate: estimate))
                best.sort { ($0.estimate, $0.after) < ($1.estimate, $1.after) }
                if best.count > 3 { best.removeLast() }
            }
        }
        let from = route.loc[removed - 1]
        let to = route.loc[removed + 1]
        best.append(
            Place(after: removed - 1, estimate: instance.dist(from, jobLocation) + instance.dist(jobLocation, to) - instance.dist(from, to))
        )
        return best
    }

    /// Fills `middle` for route `r` without position `removed` and with `job` after original
    /// position `after`, and returns the prefix end and the suffix start.
    private func fill(_ s: SearchState, route r: Int, removed: Int, after q: Int, job: Int) -> (Int, Int, Int) {
        if q < removed - 1 {
            s.middle.append(job)
            s.appendMiddle(route: r, (q + 1)...(removed - 1))
            return (q, r, removed + 1)
        }
        if q == removed - 1 {
            s.middle.append(job)
            return (q, r, removed + 1)
        }
        s.appendMiddle(route: r, (removed + 1)...q)
        s.middle.append(job)
        return (removed - 1, r, q + 1)
    }

    private func sequence(_ s: SearchState, route r: Int, removed: Int, after q: Int, job: Int) -> [Int] {
        var jobs = s.routes[r].jobs
        jobs.insert(job, at: q)
        jobs.remove(at: q < removed ? removed : removed - 1)
        return jobs
    }
}
