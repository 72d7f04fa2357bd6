/// Cross-exchange (Taillard et al. 1997): swaps a segment of `firstLength` jobs starting at `u`
/// with a segment of `secondLength` jobs starting at `v` in another route. Lengths (1, 1) are the
/// classic swap (see `Swap`).
struct CrossExchange: Move {
    let firstLength: Int
    let secondLength: Int

    func improve(_ s: SearchState, _ u: Int, _ v: Int) -> Bool {
        guard let ra = s.placeOf[u].route, let rb = s.placeOf[v].route, ra != rb else { return false }
        let a = s.positionOf[u], b = s.positionOf[v]
        let lastA = a + firstLength - 1, lastB = b + secondLength - 1
        guard lastA <= s.routes[ra].count, lastB <= s.routes[rb].count else { return false }
        let va = s.routes[ra].vehicle, vb = s.routes[rb].vehicle
        guard s.inst.canServe(vb, s.routes[ra].jobs[(a - 1)..<lastA]),
              s.inst.canServe(va, s.routes[rb].jobs[(b - 1)..<lastB]) else { return false }
        guard s.evaluatePair(ra, fillA: { s.appendMiddle(route: rb, b...lastB); return (a - 1, ra, lastA + 1) },
                             rb, fillB: { s.appendMiddle(route: ra, a...lastA); return (b - 1, rb, lastB + 1) }) != nil
        else { return false }
        let segmentA = s.jobs(of: ra, a...lastA), segmentB = s.jobs(of: rb, b...lastB)
        let newA = s.jobs(of: ra, from: 1, to: a - 1) + segmentB + s.jobs(of: ra, from: lastA + 1, to: s.routes[ra].count)
        let newB = s.jobs(of: rb, from: 1, to: b - 1) + segmentA + s.jobs(of: rb, from: lastB + 1, to: s.routes[rb].count)
        s.setJobs(ra, newA)
        s.setJobs(rb, newB)
        return true
    }

    /// Every pair of lengths from 1 to 3 except (1, 1), which `Swap` covers.
    static let variants: [CrossExchange] = (1...3).flatMap { first in
        (1...3).compactMap { second in first == 1 && second == 1 ? nil : CrossExchange(firstLength: first, secondLength: second) }
    }
}
