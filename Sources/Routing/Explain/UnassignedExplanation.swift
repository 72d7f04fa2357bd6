extension SearchState {
    /// Why unassigned job `j` is not served: either the obstacles met at every position of every
    /// vehicle (unused vehicles included), or, when some place is feasible, that its cheapest
    /// insertion costs more than its penalty. O(total positions).
    func explain(_ j: Int) -> UnassignedReason {
        var perVehicle: [VehicleObstacles] = []
        var cheapest: Double?
        for r in routes.indices {
            let route = routes[r]
            var found = Set<InsertionObstacle>()
            if !instance.compatible[route.vehicle * instance.jobCount + j] {
                found.insert(.skills)
            } else if !hasRoom(for: j) {
                found.insert(.groupMaximum)
            } else {
                for p in 0...route.count {
                    let e = evaluateInsertion(j, route: r, after: p)
                    if let obstacle = e.obstacle {
                        found.insert(obstacle)
                    } else {
                        let cost = e.cost - route.cost
                        cheapest = min(cheapest ?? cost, cost)
                    }
                }
            }
            if !found.isEmpty { perVehicle.append(VehicleObstacles(vehicle: route.vehicle, obstacles: found.sorted())) }
        }
        if let cheapest { return .penaltyBelowInsertionCost(penalty: instance.penalty[j], insertionCost: cheapest) }
        return .infeasible(perVehicle)
    }
}
