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
        guard let firstRoute = s.placeOf[u].route, let secondRoute = s.placeOf[v].route else { return false }
        let a = s.positionOf[u]
        let last = a + length - 1
        guard last <= s.routes[firstRoute].count else { return false }
        let b = s.positionOf[v]
        if firstRoute == secondRoute {
            guard b < a - 1 || b > last else { return false }
            if b > last {
                guard
                    s.evaluateSingle(
                        firstRoute, a - 1, b + 1,
                        fill: {
                            s.appendMiddle(route: firstRoute, (last + 1)...b)
                            s.appendMiddle(route: firstRoute, a...last, reversed: reversed)
                        })
                else { return false }
                s.setJobs(
                    firstRoute,
                    s.jobs(of: firstRoute, from: 1, to: a - 1) + s.jobs(of: firstRoute, from: last + 1, to: b)
                        + s.jobs(of: firstRoute, a...last, reversed: reversed)
                        + s.jobs(of: firstRoute, from: b + 1, to: s.routes[firstRoute].count))
            } else {
                guard
                    s.evaluateSingle(
                        firstRoute, b, last + 1,
                        fill: {
                            s.appendMiddle(route: firstRoute, a...last, reversed: reversed)
                            s.appendMiddle(route: firstRoute, (b + 1)...(a - 1))
                        })
                else { return false }
                s.setJobs(
                    firstRoute,
                    s.jobs(of: firstRoute, from: 1, to: b) + s.jobs(of: firstRoute, a...last, reversed: reversed)
                        + s.jobs(of: firstRoute, from: b + 1, to: a - 1)
                        + s.jobs(of: firstRoute, from: last + 1, to: s.routes[firstRoute].count))
            }
            return true
        }
        guard s.instance.canServe(s.routes[secondRoute].vehicle, s.routes[firstRoute].jobs[(a - 1)..<last]) else { return false }
        guard
            s.evaluatePair(
                firstRoute, fillA: { (a - 1, firstRoute, last + 1) },
                secondRoute,
                fillB: {
                    s.appendMiddle(route: firstRoute, a...last, reversed: reversed)
                    return (b, secondRoute, b + 1)
                }) != nil
        else { return false }
        let segment = s.jobs(of: firstRoute, a...last, reversed: reversed)
        let newB = s.jobs(of: secondRoute, from: 1, to: b) + segment + s.jobs(of: secondRoute, from: b + 1, to: s.routes[secondRoute].count)
        s.setJobs(
            firstRoute, s.jobs(of: firstRoute, from: 1, to: a - 1) + s.jobs(of: firstRoute, from: last + 1, to: s.routes[firstRoute].count))
        s.setJobs(secondRoute, newB)
        return true
    }
}
