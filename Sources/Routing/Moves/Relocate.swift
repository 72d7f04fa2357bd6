/// Relocate: moves a segment of `length` consecutive jobs starting at `u` to just after `v`,
/// within a route or into another one, optionally reversed. Length 1 is the classic relocate;
/// lengths 2–3 are or-opt (see `OrOpt`).
struct Relocate: Move {
    let length: Int
    let reversed: Bool

    init(length: Int = 1, reversed: Bool = false) {
        self.length = length
        self.reversed = reversed
    }

    func improve(_ s: SearchState, _ u: Int, _ v: Int) -> Bool {
        guard let ra = s.placeOf[u].route, let rb = s.placeOf[v].route else { return false }
        let a = s.positionOf[u], last = a + length - 1
        guard last <= s.routes[ra].count else { return false }
        let b = s.positionOf[v]
        if ra == rb {
            guard b < a - 1 || b > last else { return false }
            if b > last {
                guard s.evaluateSingle(ra, a - 1, b + 1, fill: {
                    s.appendMiddle(route: ra, (last + 1)...b)
                    s.appendMiddle(route: ra, a...last, reversed: reversed)
                }) else { return false }
                s.setJobs(ra, s.jobs(of: ra, from: 1, to: a - 1) + s.jobs(of: ra, from: last + 1, to: b)
                          + s.jobs(of: ra, a...last, reversed: reversed) + s.jobs(of: ra, from: b + 1, to: s.routes[ra].count))
            } else {
                guard s.evaluateSingle(ra, b, last + 1, fill: {
                    s.appendMiddle(route: ra, a...last, reversed: reversed)
                    s.appendMiddle(route: ra, (b + 1)...(a - 1))
                }) else { return false }
                s.setJobs(ra, s.jobs(of: ra, from: 1, to: b) + s.jobs(of: ra, a...last, reversed: reversed)
                          + s.jobs(of: ra, from: b + 1, to: a - 1) + s.jobs(of: ra, from: last + 1, to: s.routes[ra].count))
            }
            return true
        }
        guard s.inst.canServe(s.routes[rb].vehicle, s.routes[ra].jobs[(a - 1)..<last]) else { return false }
        guard s.evaluatePair(ra, fillA: { (a - 1, ra, last + 1) },
                             rb, fillB: { s.appendMiddle(route: ra, a...last, reversed: reversed); return (b, rb, b + 1) }) != nil
        else { return false }
        let segment = s.jobs(of: ra, a...last, reversed: reversed)
        let newB = s.jobs(of: rb, from: 1, to: b) + segment + s.jobs(of: rb, from: b + 1, to: s.routes[rb].count)
        s.setJobs(ra, s.jobs(of: ra, from: 1, to: a - 1) + s.jobs(of: ra, from: last + 1, to: s.routes[ra].count))
        s.setJobs(rb, newB)
        return true
    }
}
