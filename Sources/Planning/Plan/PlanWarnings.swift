import Foundation

/// The warnings a planner wants before publishing a plan.
struct PlanWarnings {
    let season: Season
    let compiled: SeasonProblem
    let events: [PlannedEvent]

    /// How near a commune must be for its fête to compete with an evening, in road km.
    static let neighbourKm = 10.0
    /// The share of a limit from which a leg is "nearly at the limit".
    static let nearLimitShare = 0.9

    func all() -> [PlanWarning] {
        var warnings: [PlanWarning] = []
        for event in events {
            if let holiday = FrenchHolidays.holiday(on: event.date, alsaceMoselle: season.evenings.alsaceMoselle) {
                warnings.append(
                    PlanWarning(
                        kind: .publicHoliday, date: event.date, eventID: event.id,
                        text: "\(event.date) : soirée à \(event.communeName) un jour férié (\(holiday.name))"))
            }
            warnings.append(contentsOf: neighbourFetes(event))
            if let warning = longLeg(event) { warnings.append(warning) }
        }
        warnings.append(contentsOf: keptEventsBreakingRules())
        for tour in season.tours {
            let count = events.filter { $0.tour == tour.name }.count
            if count < tour.evenings {
                warnings.append(
                    PlanWarning(
                        kind: .tourNotFilled, date: nil, eventID: nil,
                        text:
                            "tournée « \(tour.name) » : \(count) soirées planifiées sur \(tour.evenings) demandées, faute de communes disponibles"
                    ))
            }
        }
        return warnings
    }

    /// Rules broken by kept events alone (the checker's per-event rules, not tour counts).
    private func keptEventsBreakingRules() -> [PlanWarning] {
        let kept = events.filter { $0.status.isFixed }
        guard !kept.isEmpty else { return [] }
        return PlanChecker(season: season).eventBreaches(kept).compactMap { breach in
            guard let entry = kept.first(where: { $0.id == breach.eventID }) else { return nil }
            return PlanWarning(
                kind: .keptEventBreaksRule, date: entry.date, eventID: entry.id,
                text: "événement \(entry.status == .done ? "fait" : "confirmé") \(entry.id) : \(breach.message)")
        }
    }

    private func neighbourFetes(_ event: PlannedEvent) -> [PlanWarning] {
        guard let host = season.communes.first(where: { $0.insee == event.insee }) else { return [] }
        let factor: Double
        if case .detour(let value) = season.distances { factor = value } else { factor = 1.3 }
        return season.communes.compactMap { other in
            guard other.insee != host.insee, other.unavailable.contains(where: { $0.contains(event.date) }) else { return nil }
            let km = host.coordinate.kilometres(to: other.coordinate) * factor
            guard km <= Self.neighbourKm else { return nil }
            return PlanWarning(
                kind: .neighbourFete, date: event.date, eventID: event.id,
                text: String(
                    format: "%@ : soirée à %@ alors que %@, à %.0f km, est indisponible ce jour-là (sa fête ?)",
                    event.date.description, event.communeName, other.name, km))
        }
    }

    private func longLeg(_ event: PlannedEvent) -> PlanWarning? {
        guard let vehicle = season.vehicle(id: event.vehicle) else { return nil }
        let limit =
            vehicle.travel == .returnToBase
            ? [vehicle.maxKmPerEvening, vehicle.maxKmPerDay].compactMap { $0 }.min()
            : [vehicle.maxKmPerDay, vehicle.maxKmPerEvening].compactMap { $0 }.min()
        guard let limit, event.km >= Self.nearLimitShare * limit else { return nil }
        return PlanWarning(
            kind: .longLeg, date: event.date, eventID: event.id,
            text: String(
                format: "%@ : %.0f km pour la soirée à %@, près de la limite de %.0f km", event.date.description, event.km,
                event.communeName, limit))
    }
}
