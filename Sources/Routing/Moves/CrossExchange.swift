/// Cross-exchange (Taillard et al. 1997): swaps a segment of `firstLength` jobs starting at `u`
/// with a segment of `secondLength` jobs starting at `v` in another route. Lengths (1, 1) are the
/// classic swap (see `Swap`).
struct CrossExchange: Move {
    let firstLength: Int
    let secondLength: Int

    func improve(_ s: SearchState, _ u: Int, _ v: Int) -> Bool {
        guard let apart = s.routesApart(u, v) else { return false }
        let (firstRoute, secondRoute, a, b) = (apart.firstRoute, apart.secondRoute, apart.firstPosition, apart.secondPosition)
        let lastA = a + firstLength - 1
        let lastB = b + secondLength - 1
        guard lastA <= s.routes[firstRoute].count, lastB <= s.routes[secondRoute].count else { return false }
        let firstVehicle = s.routes[firstRoute].vehicle
        let secondVehicle = s.routes[secondRoute].vehicle
        guard s.instance.canServe(secondVehicle, s.routes[firstRoute].jobs[(a - 1)..<lastA]),
            s.instance.canServe(firstVehicle, s.routes[secondRoute].jobs[(b - 1)..<lastB])
        else { return false }
        guard
            s.evaluatePair(
                firstRoute,
                fillA: {
                    s.appendMiddle(route: secondRoute, b...lastB)
                    return (a - 1, firstRoute, lastA + 1)
                },
                secondRoute,
                fillB: {
                    s.appendMiddle(route: firstRoute, a...lastA)
                    return (b - 1, secondRoute, lastB + 1)
                }) != nil
        else { return false }
        let segmentA = s.jobs(of: firstRoute, a...lastA)
        let segmentB = s.jobs(of: secondRoute, b...lastB)
        let newA =
            s.jobs(of: firstRoute, from: 1, to: a - 1) + segmentB + s.jobs(of: firstRoute, from: lastA + 1, to: s.routes[firstRoute].count)
        let newB =
            s.jobs(of: secondRoute, from: 1, to: b - 1) + segmentA
            + s.jobs(of: secondRoute, from: lastB + 1, to: s.routes[secondRoute].count)
        s.setJobs(firstRoute, newA)
        s.setJobs(secondRoute, newB)
        return true
    }

    /// Every pair of lengths from 1 to 3 except (1, 1), which `Swap` covers.
    static let variants: [CrossExchange] = (1...3).flatMap { first in
        (1...3).compactMap { second in first == 1 && second == 1 ? nil : CrossExchange(firstLength: first, secondLength: second) }
    }
}
