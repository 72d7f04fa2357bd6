import Routing

/// Explains, commune by commune and date by date, why a commune got fewer visits than it wanted.
struct PlanExplainer {
    let compiled: SeasonProblem
    let solution: Solution
    let events: [PlannedEvent]

    func explanations() -> [PlanExplanation] {
        let season = compiled.season
        let calendar = EveningCalendar(season: season)
        var result: [PlanExplanation] = []
        for (c, commune) in season.communes.enumerated() {
            let own = events.filter { $0.insee == commune.insee }
            guard own.count < commune.minVisits else { continue }
            var reasons: [String] = []
            for (t, tour) in season.tours.enumerated() {
                guard commune.tours.isEmpty || commune.tours.contains(tour.name) else { continue }
                let vehicle = season.vehicle(id: tour.vehicleID)!
                if vehicle.travel == .returnToBase, let location = compiled.communeLocation[compiled.tourVehicle[t]][c],
                    SeasonProblem.exceedsReturnLimits(vehicle, km: 2 * compiled.kilometres[compiled.tourBase[t], location])
                {
                    reasons.append("« \(tour.name) » : trop loin de \(vehicle.base.name) pour les limites de \(vehicle.name).")
                    continue
                }
                let dates = calendar.days(of: tour, for: commune).filter(\.isCandidate).map(\.date)
                    .filter { date in !own.contains { $0.date == date } && compiled.basis.offers(date, to: commune.insee) }
                guard !dates.isEmpty else {
                    reasons.append("« \(tour.name) » : aucune soirée possible (jours acceptés, indisponibilités, calendrier).")
                    continue
                }
                let tourEvents = events.filter { $0.tour == tour.name }
                var taken: [String] = []
                var tooClose: [String] = []
                for date in dates {
                    if let other = tourEvents.first(where: { $0.date == date }) {
                        taken.append("le \(date) par \(other.communeName)")
                    } else if let near = own.first(where: { abs($0.date.days(to: date)) < season.minDaysBetweenVisits }) {
                        tooClose.append("le \(date) est à \(abs(near.date.days(to: date))) jours de sa visite du \(near.date)")
                    }
                }
                var parts: [String] = []
                let count = dates.count
                parts.append("« \(tour.name) » : \(count) soirée\(count > 1 ? "s" : "") possible\(count > 1 ? "s" : "")")
                if !taken.isEmpty {
                    parts.append(
                        "\(taken.count) déjà prise\(taken.count > 1 ? "s" : "") par des communes plus proches ou prioritaires ("
                            + Self.list(taken) + ")")
                }
                if !tooClose.isEmpty {
                    parts.append("sous l'écart minimal de \(season.minDaysBetweenVisits) jours (" + Self.list(tooClose) + ")")
                }
                if tourEvents.count >= tour.evenings, taken.count + tooClose.count < count {
                    parts.append("la tournée a déjà ses \(tour.evenings) soirées")
                } else if taken.count + tooClose.count < count {
                    parts.append(costReason(commune: c, tour: t))
                }
                reasons.append(parts.joined(separator: " ; ") + ".")
            }
            result.append(
                PlanExplanation(
                    insee: commune.insee, name: commune.name, wanted: commune.minVisits,
                    planned: own.count, reasons: reasons))
        }
        return result
    }

    /// The routing engine's verdict on the commune's cheapest missing visit in that tour.
    private func costReason(commune: Int, tour: Int) -> String {
        let mine = solution.unassigned.filter {
            compiled.jobs[$0.job].commune == commune && compiled.jobs[$0.job].vehicle == compiled.tourVehicle[tour]
        }
        for item in mine {
            if case .penaltyBelowInsertionCost(let penalty, let insertion) = item.reason {
                return String(
                    format: "la recevoir coûterait %.0f € de plus, au-delà de la valeur de la visite (%.0f €)", insertion, penalty)
            }
        }
        return "les soirées restantes donnent un meilleur plan d'ensemble ailleurs"
    }

    static func list(_ items: [String]) -> String {
        items.count <= 4 ? items.joined(separator: ", ") : items.prefix(4).joined(separator: ", ") + ", …"
    }
}
