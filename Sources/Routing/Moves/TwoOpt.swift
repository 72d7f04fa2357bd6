/// 2-opt within a route (Croes 1958): reverses the jobs after `u` up to `v`, so that `u` is
/// followed by `v`. Asymmetric matrices are handled since the reversed part is re-walked.
struct TwoOpt: Move {
    func improve(_ s: SearchState, _ u: Int, _ v: Int) -> Bool {
        guard let r = s.placeOf[u].route, s.placeOf[v] == .route(r) else { return false }
        let a = s.positionOf[u]
        let b = s.positionOf[v]
        guard b > a + 1 else { return false }
        guard s.evaluateSingle(r, a, b + 1, fill: { s.appendMiddle(route: r, (a + 1)...b, reversed: true) }) else {
            return false
        }
        s.setJobs(
            r,
            s.jobs(of: r, from: 1, to: a) + s.jobs(of: r, (a + 1)...b, reversed: true)
                + s.jobs(of: r, from: b + 1, to: s.routes[r].count))
        return true
    }
}
