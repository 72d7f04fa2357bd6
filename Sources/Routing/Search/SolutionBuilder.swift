extension SearchState {
    /// The public solution for this state, with reasons for every unassigned job;
    /// O(total stops + unassigned × positions).
    func solution(isProvenOptimal: Bool = false, lowerBound: Double? = nil) -> Solution {
        var result: [Route] = []
        var breakdown = CostBreakdown(
            unservedMandatory: 0, unservedPenalty: 0, vehicles: 0, distance: 0,
            fixedCost: 0, distanceCost: 0)
        for route in routes where route.count > 0 {
            let vehicle = instance.problem.vehicles[route.vehicle]
            let departure = route.departure(instance)
            var leave = departure
            var stops: [Stop] = []
            for p in 1...route.count {
                let j = route.jobs[p - 1]
                let arrival = leave + instance.time(route.loc[p - 1], route.loc[p])
                stops.append(Stop(job: j, arrival: arrival, serviceStart: route.start[p]))
                leave = route.start[p] + instance.service[j]
            }
            let arrival = leave + instance.time(route.loc[route.count], route.loc[route.count + 1])
            result.append(
                Route(
                    vehicle: route.vehicle, departure: departure, stops: stops, arrival: arrival,
                    distance: route.distance))
            breakdown.vehicles += 1
            breakdown.distance += route.distance
            breakdown.fixedCost += vehicle.fixedCost
            breakdown.distanceCost += vehicle.costPerDistance * route.distance
        }
        breakdown.unservedMandatory = unassigned.filter { instance.isMandatory[$0] }.count
        breakdown.unservedPenalty = unassigned.sorted().reduce(0) { $0 + instance.penalty[$1] }
        let explained = unassigned.sorted().map { UnassignedJob(job: $0, reason: explain($0)) }
        return Solution(
            routes: result, unassigned: explained, cost: breakdown,
            isProvenOptimal: isProvenOptimal, lowerBound: lowerBound)
    }
}
