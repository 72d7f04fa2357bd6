/// 2-opt* (Potvin & Rousseau 1995), also known as tail exchange: route A keeps its head up to
/// `u` and continues with `v` and the rest of v's route B; B keeps its head before `v` and takes
/// A's tail after `u`. The new arc (u, v) joins two neighbours.
struct TwoOptStar: Move {
    func improve(_ s: SearchState, _ u: Int, _ v: Int) -> Bool {
        guard let ra = s.placeOf[u].route, let rb = s.placeOf[v].route, ra != rb else { return false }
        let a = s.positionOf[u], b = s.positionOf[v]
        let na = s.routes[ra].count, nb = s.routes[rb].count
        let va = s.routes[ra].vehicle, vb = s.routes[rb].vehicle
        guard s.inst.canServe(va, s.routes[rb].jobs[(b - 1)...]), s.inst.canServe(vb, s.routes[ra].jobs[a...]) else {
            return false
        }
        guard s.evaluatePair(ra, fillA: { (a, rb, b) }, rb, fillB: { (b - 1, ra, a + 1) }) != nil else { return false }
        let newA = s.jobs(of: ra, from: 1, to: a) + s.jobs(of: rb, from: b, to: nb)
        let newB = s.jobs(of: rb, from: 1, to: b - 1) + s.jobs(of: ra, from: a + 1, to: na)
        s.setJobs(ra, newA)
        s.setJobs(rb, newB)
        return true
    }
}
