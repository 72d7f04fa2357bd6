import CivilTime
import Routing

/// Explains, commune by commune and date by date, why a commune got fewer visits than it
/// wanted, and why a date it preferred was not given: only by what binds in the plan (dates
/// taken, the gap between visits, reach, a full tour, the cost against the value), never by a
/// ranking of communes the objective does not make.
struct PlanExplainer {
    let compiled: SeasonProblem
    let events: [PlannedEvent]
    let calendar: EveningCalendar
    let preferred: PreferredEvenings
    /// The routing engine's verdicts on the visits it left out (none for the exact method).
    let unassigned: [UnassignedJob]
    /// Whether the plan is proven optimal: its cost reasons are then the optimum's.
    let isOptimal: Bool

    func explanations() -> [PlanExplanation] {
        let season = compiled.season
        var result: [PlanExplanation] = []
        for (c, commune) in season.communes.enumerated() {
            let own = events.filter { $0.insee == commune.insee }
            let reasons = own.count < commune.minVisits ? missingVisitReasons(c, own: own) : []
            let preferences = unmetPreferences(c, own: own)
            guard !reasons.isEmpty || !preferences.isEmpty || own.count < commune.minVisits else { continue }
            result.append(
                PlanExplanation(
                    insee: commune.insee, name: commune.name, wanted: commune.minVisits, planned: own.count, reasons: reasons,
                    unmetPreferences: preferences))
        }
        return result
    }

    private func missingVisitReasons(_ c: Int, own: [PlannedEvent]) -> [String] {
        let season = compiled.season
        let commune = season.communes[c]
        var reasons: [String] = []
        for (t, tour) in season.tours.enumerated() where SeasonProblemPlaces.joins(commune, tour) {
            let vehicle = season.vehicle(id: tour.vehicleID)!
            if tooFar(c, tour: t) {
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
                parts.append("\(taken.count) déjà prise\(taken.count > 1 ? "s" : "") par d'autres communes (" + Self.list(taken) + ")")
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
        return reasons
    }

    /// Why each of the commune's own preferred dates went without its evening.
    private func unmetPreferences(_ c: Int, own: [PlannedEvent]) -> [String] {
        let season = compiled.season
        let commune = season.communes[c]
        var reasons: [String] = []
        for (t, tour) in season.tours.enumerated() where SeasonProblemPlaces.joins(commune, tour) {
            for day in calendar.days(of: tour, for: commune) where calendar.isPreferred(day.date, by: commune) {
                let date = day.date
                guard !own.contains(where: { $0.date == date }) else { continue }
                let why: String
                if let exclusion = day.exclusion {
                    why = "ce n'est pas une soirée possible (\(exclusion))"
                } else if compiled.basis.isDeclined(date, by: commune.insee) {
                    why = "la mairie a refusé cette date"
                } else if let other = events.first(where: { $0.date == date && $0.vehicle == tour.vehicleID }) {
                    why = "le véhicule est ce soir-là à \(other.communeName)"
                } else if tooFar(c, tour: t) {
                    why = "la commune est trop loin pour les limites du véhicule"
                } else if let near = own.first(where: { abs($0.date.days(to: date)) < season.minDaysBetweenVisits }) {
                    why =
                        "elle est à \(abs(near.date.days(to: date))) jours de sa visite du \(near.date) (écart minimal \(season.minDaysBetweenVisits))"
                } else if own.count >= commune.maxVisits {
                    why =
                        "ses \(commune.maxVisits) visite\(commune.maxVisits > 1 ? "s" : "") possible\(commune.maxVisits > 1 ? "s" : "") sont à d'autres dates"
                } else if events.filter({ $0.tour == tour.name }).count >= tour.evenings {
                    why = "la tournée « \(tour.name) » a déjà ses \(tour.evenings) soirées"
                } else if isOptimal {
                    why = "y aller coûte plus en route que le bonus de date préférée (\(Int(season.objective.preferredDateBonus)) €)"
                } else {
                    why = "le plan, heuristique, ne l'a pas retenue"
                }
                reasons.append("le \(date) (« \(tour.name) ») : \(why).")
            }
        }
        return reasons
    }

    private func tooFar(_ c: Int, tour t: Int) -> Bool {
        let vehicle = compiled.season.vehicles[compiled.tourVehicle[t]]
        guard vehicle.travel == .returnToBase, let location = compiled.communeLocation[compiled.tourVehicle[t]][c] else { return false }
        return SeasonProblem.exceedsReturnLimits(vehicle, km: 2 * compiled.kilometres[compiled.tourBase[t], location])
    }

    /// Why a free date of a tour with room was not taken: the routing engine's verdict, or, in
    /// a proven optimum of round trips, the round trip's cost against the visit's value.
    private func costReason(commune c: Int, tour t: Int) -> String {
        let season = compiled.season
        let value = PlanObjective.visitValue(of: season.communes[c], weights: season.objective)
        for item in unassigned
        where compiled.jobs[item.job].commune == c && compiled.jobs[item.job].vehicle == compiled.tourVehicle[t] {
            if case .penaltyBelowInsertionCost(_, let insertion) = item.reason {
                return String(format: "la recevoir coûterait %.0f € de plus, au-delà de la valeur de la visite (%.0f €)", insertion, value)
            }
        }
        let vehicle = season.vehicles[compiled.tourVehicle[t]]
        if isOptimal, vehicle.travel == .returnToBase, let location = compiled.communeLocation[compiled.tourVehicle[t]][c] {
            let cost = 2 * compiled.kilometres[compiled.tourBase[t], location] * vehicle.costPerKm
            return String(format: "l'aller-retour coûterait %.0f €, plus que la valeur de la visite (%.0f €)", cost, value)
        }
        return "les soirées restantes donnent un meilleur plan d'ensemble ailleurs"
    }

    static func list(_ items: [String]) -> String {
        items.count <= 4 ? items.joined(separator: ", ") : items.prefix(4).joined(separator: ", ") + ", …"
    }
}
