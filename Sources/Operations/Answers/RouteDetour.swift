import CivilTime
import Planning
import Store

/// What moving one evening to another date adds to its vehicle's drive, so that the answer page
/// offers the dates that cost the route least. A return-to-base van drives the same round trip
/// whichever evening it comes (every date adds 0 km); a company going straight on chains two
/// villages only on consecutive evenings, so a date beside another evening near by saves the
/// way home and back.
struct RouteDetour {
    private let season: Season
    private let vehicle: Vehicle
    private let coordinates: [String: Coordinate]

    /// The detours of the vehicle that runs `event` in `season`; nil when the season no longer
    /// has that vehicle.
    init?(season: Season, event: Event) {
        guard let vehicle = season.vehicle(id: event.planned.vehicle) else { return nil }
        self.season = season
        self.vehicle = vehicle
        coordinates = Dictionary(season.communes.map { ($0.insee, $0.coordinate) }, uniquingKeysWith: { first, _ in first })
    }

    /// The kilometres the vehicle's `evenings` (the moved one among them) add when `moved` goes
    /// to `date` instead of its own, negative when the route shortens. O(evenings).
    func kilometresAdded(moving moved: Event, to date: CivilDate, among evenings: [Event]) -> Double {
        guard vehicle.travel == .straightOn else { return 0 }
        let others = evenings.filter { $0.id != moved.id && $0.planned.vehicle == moved.planned.vehicle }
            .map { (date: $0.planned.slot.date, insee: $0.planned.insee) }
        let own = (date: moved.planned.slot.date, insee: moved.planned.insee)
        return kilometres(others + [(date, own.insee)]) - kilometres(others + [own])
    }

    /// The drive over `evenings` going straight on: from base to the first village, on to the
    /// next when it is the next evening, home otherwise, and home after the last.
    private func kilometres(_ evenings: [(date: CivilDate, insee: String)]) -> Double {
        let base = (coordinate: vehicle.base.coordinate, insee: vehicle.base.insee)
        var total = 0.0
        var previous: (date: CivilDate, place: (coordinate: Coordinate, insee: String?))?
        for evening in evenings.sorted(by: { $0.date < $1.date }) {
            guard let coordinate = coordinates[evening.insee] else { continue }
            let place = (coordinate: coordinate, insee: Optional(evening.insee))
            if let last = previous, last.date.adding(days: 1) == evening.date {
                total += leg(last.place, place)
            } else {
                if let last = previous { total += leg(last.place, base) }
                total += leg(base, place)
            }
            previous = (evening.date, place)
        }
        if let last = previous { total += leg(last.place, base) }
        return total
    }

    private func leg(_ from: (coordinate: Coordinate, insee: String?), _ to: (coordinate: Coordinate, insee: String?)) -> Double {
        // A matrix that lacks a pair counts the great circle: the ranking stays defined.
        season.distances.kilometres(from: from.coordinate, from.insee, to: to.coordinate, to.insee)
            ?? from.coordinate.kilometres(to: to.coordinate)
    }
}
