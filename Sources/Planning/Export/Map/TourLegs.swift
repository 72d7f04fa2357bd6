import CivilTime

/// The legs a tour's vehicle drives, as the planner counts its kilometres (`TravelPolicy.chains`):
/// returning to base, a spoke out and back to each village; going straight on, from village to
/// village on consecutive evenings, home between evenings that do not follow and after the last.
enum TourLegs {
    /// A leg between two places, each a commune index or nil for the base.
    struct Leg: Hashable {
        let from: Int?
        let to: Int?
    }

    /// The tour's distinct legs in driving order (a spoke driven twice is drawn once).
    static func legs(of tour: TourMap.Tour) -> [Leg] {
        guard let travel = tour.travel else { return [] }
        var legs: [Leg] = []
        var previous: TourMap.Stop?
        for stop in tour.stops {
            if let previous, travel.chains(previous.date, to: stop.date) {
                legs.append(Leg(from: previous.commune, to: stop.commune))
            } else {
                if let previous, travel == .straightOn { legs.append(Leg(from: previous.commune, to: nil)) }
                legs.append(Leg(from: nil, to: stop.commune))
            }
            previous = stop
        }
        if let previous, travel == .straightOn { legs.append(Leg(from: previous.commune, to: nil)) }
        var seen = Set<[Int]>()
        return legs.filter { leg in leg.from != leg.to && seen.insert([leg.from ?? -1, leg.to ?? -1].sorted()).inserted }
    }
}
