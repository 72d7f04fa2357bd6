import TextFormats

/// Checks a plan written by hand (or edited) against every rule of its season, in the same words
/// as the planner's explanations.
public struct PlanChecker: Sendable {
    /// The season the plan belongs to.
    public let season: Season

    /// Creates a checker for a season.
    public init(season: Season) { self.season = season }

    /// Every broken rule as an issue naming the plan file, the event's line and its identifier.
    /// Cancelled events are ignored. O(events² + events × rules).
    public func check(_ entries: [PlanDocument.EventPart], file: String) -> [FileIssue] {
        let events = entries.filter { $0.status != .cancelled }.sorted { ($0.date, $0.line) < ($1.date, $1.line) }
        var issues: [FileIssue] = []
        func broken(_ entry: PlanDocument.EventPart?, _ message: String) {
            issues.append(FileIssue(.error, file: file, line: entry?.line, key: entry.map { "événement \($0.id)" }, message: message))
        }
        for (entry, message) in eventIssues(events) { broken(entry, message) }
        checkSameEvening(events, broken)
        checkCommunes(events, broken)
        checkTours(events, broken)
        return SeasonLoader.sorted(issues)
    }

    /// The rules each event must keep on its own: commune, tour, vehicle, date, distance.
    func eventIssues<Evening: PlacedEvening>(_ events: [Evening]) -> [(Evening, String)] {
        let calendar = EveningCalendar(season: season)
        var issues: [(Evening, String)] = []
        for entry in events {
            guard let commune = season.communes.first(where: { $0.insee == entry.insee }) else {
                issues.append((entry, "commune \(entry.insee) absente de la saison"))
                continue
            }
            guard let tour = season.tours.first(where: { $0.name == entry.tour }) else {
                issues.append((entry, "tournée inconnue « \(entry.tour) »"))
                continue
            }
            if entry.vehicle != tour.vehicleID {
                issues.append((entry, "la tournée « \(tour.name) » est faite par « \(tour.vehicleID) », pas par « \(entry.vehicle) »"))
            }
            guard tour.dates.contains(entry.date) else {
                issues.append((entry, "\(entry.date) hors de la tournée « \(tour.name) » (\(tour.dates.first) → \(tour.dates.last))"))
                continue
            }
            if let day = calendar.days(of: tour, for: commune).first(where: { $0.date == entry.date }), let exclusion = day.exclusion {
                issues.append((entry, "\(commune.name) le \(entry.date) : \(exclusion)"))
            }
            if let vehicle = season.vehicle(id: tour.vehicleID), vehicle.travel == .returnToBase,
                let km = season.distances.kilometres(
                    from: vehicle.base.coordinate, vehicle.base.insee, to: commune.coordinate, commune.insee),
                SeasonProblem.exceedsReturnLimits(vehicle, km: 2 * km)
            {
                issues.append(
                    (
                        entry,
                        "\(commune.name) est trop loin : \(JSONOutput.fixed(2 * km, decimals: 0)) km aller-retour depuis \(vehicle.base.name), au-delà des limites de \(vehicle.name)"
                    ))
            }
        }
        return issues
    }

    private func checkSameEvening(_ events: [PlanDocument.EventPart], _ broken: (PlanDocument.EventPart?, String) -> Void) {
        for (index, entry) in events.enumerated() {
            if let other = events.prefix(index).first(where: { $0.vehicle == entry.vehicle && $0.date == entry.date }) {
                let name = season.communes.first { $0.insee == other.insee }?.name ?? other.insee
                broken(entry, "soirée du \(entry.date) déjà prise par \(name) (\(other.id)) pour le même véhicule « \(entry.vehicle) »")
            }
        }
    }

    private func checkCommunes(_ events: [PlanDocument.EventPart], _ broken: (PlanDocument.EventPart?, String) -> Void) {
        for commune in season.communes {
            let own = events.filter { $0.insee == commune.insee }
            for (index, entry) in own.enumerated() {
                if let previous = own.prefix(index).last, previous.date.days(to: entry.date) < season.minDaysBetweenVisits {
                    broken(
                        entry,
                        "\(commune.name) le \(entry.date) est à \(previous.date.days(to: entry.date)) jours de sa visite du \(previous.date) (écart minimal \(season.minDaysBetweenVisits) jours)"
                    )
                }
            }
            if own.count > commune.maxVisits {
                broken(own.last, "\(commune.name) reçoit \(own.count) soirées, plus que les \(commune.maxVisits) acceptées")
            }
        }
    }

    private func checkTours(_ events: [PlanDocument.EventPart], _ broken: (PlanDocument.EventPart?, String) -> Void) {
        for tour in season.tours {
            let own = events.filter { $0.tour == tour.name }
            if own.count != tour.evenings {
                broken(
                    own.count > tour.evenings ? own.last : nil,
                    "la tournée « \(tour.name) » a \(own.count) soirées pour \(tour.evenings) demandées")
            }
            guard let vehicle = season.vehicle(id: tour.vehicleID), vehicle.travel == .straightOn,
                let limit = [vehicle.maxKmPerDay, vehicle.maxKmPerEvening].compactMap({ $0 }).min()
            else { continue }
            var previous: (Coordinate, String?, String) = (vehicle.base.coordinate, vehicle.base.insee, vehicle.base.name)
            for entry in own {
                guard let commune = season.communes.first(where: { $0.insee == entry.insee }) else { continue }
                if let km = season.distances.kilometres(from: previous.0, previous.1, to: commune.coordinate, commune.insee), km > limit {
                    broken(
                        entry,
                        "trajet de \(JSONOutput.fixed(km, decimals: 0)) km depuis \(previous.2), au-delà des \(JSONOutput.fixed(limit, decimals: 0)) km permis par jour"
                    )
                }
                previous = (commune.coordinate, commune.insee, commune.name)
            }
        }
    }
}
