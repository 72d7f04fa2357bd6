/// A season with vehicles of both travel policies, split when it can be: the vehicles that
/// return to base, with the communes only they serve, are an assignment solved exactly; the
/// others keep the routing search. The parts share no commune and no vehicle, so the season's
/// best plan is the union of the parts' best plans and its bound the sum of theirs.
struct SeasonParts {
    /// The vehicles that return to base, their tours and communes.
    let exact: Season
    /// The vehicles that go straight on, their tours and communes.
    let routed: Season

    /// The parts of `season`, or nil when a commune takes tours of both kinds (or it has only one).
    init?(_ season: Season) {
        let returning = Set(season.vehicles.filter { $0.travel == .returnToBase }.map(\.id))
        guard !returning.isEmpty, returning.count < season.vehicles.count else { return nil }
        func isExact(_ tour: Tour) -> Bool { returning.contains(tour.vehicleID) }
        for commune in season.communes {
            let tours = season.tours.filter { SeasonProblemPlaces.joins(commune, $0) }
            if tours.contains(where: isExact), tours.contains(where: { !isExact($0) }) { return nil }
        }
        func part(_ exact: Bool) -> Season {
            var part = season
            part.tours = season.tours.filter { isExact($0) == exact }
            part.vehicles = season.vehicles.filter { returning.contains($0.id) == exact }
            part.communes = season.communes.filter { commune in part.tours.contains { SeasonProblemPlaces.joins(commune, $0) } }
            return part
        }
        exact = part(true)
        routed = part(false)
    }

    /// The part of `basis` that concerns `part`: its tours' evenings, its communes' refusals.
    static func basis(_ basis: PlanBasis, for part: Season) -> PlanBasis {
        let tours = Set(part.tours.map(\.name))
        let communes = Set(part.communes.map(\.insee))
        return PlanBasis(
            kept: basis.kept.filter { tours.contains($0.tour) }, standing: basis.standing.filter { tours.contains($0.tour) },
            declined: basis.declined.filter { communes.contains($0.insee) }, reservedIDs: basis.reservedIDs,
            firstNewDate: basis.firstNewDate)
    }
}
