/// A local-search neighbourhood explored around a job `u` and one of its granular neighbours
/// `v` (Toth & Vigo 2003). `improve` applies the first move that makes the objective strictly
/// better and says whether it did; every route stays feasible.
protocol Move {
    /// Tries the neighbourhood for the pair; O(1) to O(route length) per candidate.
    func improve(_ state: SearchState, _ u: Int, _ v: Int) -> Bool
}

/// Where the two jobs of an inter-route move stand: their routes (distinct) and their 1-based
/// positions in them.
struct RoutesApart {
    let firstRoute: Int
    let secondRoute: Int
    let firstPosition: Int
    let secondPosition: Int
}

extension SearchState {
    /// Where `u` and `v` stand when two different routes serve them; nil when either is out of
    /// every route or both share one (an inter-route move has nothing to do then).
    @inline(__always)
    func routesApart(_ u: Int, _ v: Int) -> RoutesApart? {
        guard let firstRoute = placeOf[u].route, let secondRoute = placeOf[v].route, firstRoute != secondRoute else { return nil }
        return RoutesApart(firstRoute: firstRoute, secondRoute: secondRoute, firstPosition: positionOf[u], secondPosition: positionOf[v])
    }

    /// Appends positions `range` of route `r` to `middle`, in reverse order when `reversed`.
    @inline(__always)
    func appendMiddle(route r: Int, _ range: ClosedRange<Int>, reversed: Bool = false) {
        let jobs = routes[r].jobs
        if reversed {
            for p in range.reversed() { middle.append(jobs[p - 1]) }
        } else {
            for p in range { middle.append(jobs[p - 1]) }
        }
    }

    /// The score change of replacing routes `r1` (and `r2`, when distinct) by evaluations `e1`, `e2`.
    @inline(__always)
    func delta(_ r1: Int, _ e1: Evaluation, _ r2: Int, _ e2: Evaluation) -> Score {
        var c = routeDelta(old: routes[r1], newCost: e1.cost, newCount: e1.count)
        if r2 != r1 { c = c + routeDelta(old: routes[r2], newCost: e2.cost, newCount: e2.count) }
        return instance.score(c)
    }

    /// Evaluates the two new routes of an inter-route move. Each `fill` puts its route's middle
    /// jobs in `middle` and returns (prefix end in its own route, suffix route, suffix start).
    /// Returns nil when infeasible or not improving.
    func evaluatePair(_ firstRoute: Int, fillA: () -> (Int, Int, Int), _ secondRoute: Int, fillB: () -> (Int, Int, Int)) -> (
        Evaluation, Evaluation
    )? {
        beginMove()
        middle.removeAll(keepingCapacity: true)
        let (firstPrefixEnd, firstSuffixRoute, firstSuffixStart) = fillA()
        let firstEvaluation = evaluate(firstRoute, through: firstPrefixEnd, then: firstSuffixRoute, from: firstSuffixStart)
        guard firstEvaluation.isFeasible else { return nil }
        middle.removeAll(keepingCapacity: true)
        let (secondPrefixEnd, secondSuffixRoute, secondSuffixStart) = fillB()
        let secondEvaluation = evaluate(secondRoute, through: secondPrefixEnd, then: secondSuffixRoute, from: secondSuffixStart)
        guard secondEvaluation.isFeasible, delta(firstRoute, firstEvaluation, secondRoute, secondEvaluation).isBetter(than: .zero),
            separationHolds(excluding: firstRoute, secondRoute)
        else { return nil }
        return (firstEvaluation, secondEvaluation)
    }

    /// Evaluates a one-route rewrite (prefix 0...i, `middle` filled by `fill`, suffix from j).
    /// Returns true when feasible and improving.
    func evaluateSingle(_ r: Int, _ i: Int, _ j: Int, fill: () -> Void) -> Bool {
        beginMove()
        middle.removeAll(keepingCapacity: true)
        fill()
        let e = evaluate(r, through: i, then: r, from: j)
        return e.isFeasible && delta(r, e, r, e).isBetter(than: .zero) && separationHolds(excluding: r, r)
    }

    /// The jobs of route `r` at `range` (1-based positions), reversed if asked.
    func jobs(of r: Int, _ range: ClosedRange<Int>, reversed: Bool = false) -> [Int] {
        let slice = Array(routes[r].jobs[(range.lowerBound - 1)...(range.upperBound - 1)])
        return reversed ? slice.reversed() : slice
    }

    /// The jobs of route `r` at positions `lower...upper`, empty when `upper < lower`.
    func jobs(of r: Int, from lower: Int, to upper: Int) -> [Int] {
        upper < lower ? [] : Array(routes[r].jobs[(lower - 1)...(upper - 1)])
    }
}
