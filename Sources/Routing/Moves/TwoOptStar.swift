/// 2-opt* (Potvin & Rousseau 1995), also known as tail exchange: route A keeps its head up to
/// `u` and continues with `v` and the rest of v's route B; B keeps its head before `v` and takes
/// A's tail after `u`. The new arc (u, v) joins two neighbours.
struct TwoOptStar: Move {
    func improve(_ s: SearchState, _ u: Int, _ v: Int) -> Bool {
        guard let apart = s.routesApart(u, v) else { return false }
        let (firstRoute, secondRoute, a, b) = (apart.firstRoute, apart.secondRoute, apart.firstPosition, apart.secondPosition)
        let firstCount = s.routes[firstRoute].count
        let secondCount = s.routes[secondRoute].count
        let firstVehicle = s.routes[firstRoute].vehicle
        let secondVehicle = s.routes[secondRoute].vehicle
        guard s.instance.canServe(firstVehicle, s.routes[secondRoute].jobs[(b - 1)...]),
            s.instance.canServe(secondVehicle, s.routes[firstRoute].jobs[a...])
        else {
            return false
        }
        guard s.evaluatePair(firstRoute, fillA: { (a, secondRoute, b) }, secondRoute, fillB: { (b - 1, firstRoute, a + 1) }) != nil else {
            return false
        }
        let newA = s.jobs(of: firstRoute, from: 1, to: a) + s.jobs(of: secondRoute, from: b, to: secondCount)
        let newB = s.jobs(of: secondRoute, from: 1, to: b - 1) + s.jobs(of: firstRoute, from: a + 1, to: firstCount)
        s.setJobs(firstRoute, newA)
        s.setJobs(secondRoute, newB)
        return true
    }
}
