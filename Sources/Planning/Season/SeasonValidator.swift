import CivilTime
import Foundation
import TextFormats

/// The checks that need the whole season: tours against the period and each other, the calendar
/// against the evenings asked, communes against the tours and the vehicles' reach.
struct SeasonValidator {
    let season: Season
    let file: String
    let communesFile: String
    let log: IssueLog

    /// Runs every check. O(tours × days + communes × tours × days + places² with a matrix),
    /// each fault reported once: a season of hundreds of copied tours is refused at once.
    func validate() {
        let calendar = EveningCalendar(season: season)
        checkTours(calendar: calendar)
        checkOverlaps()
        checkVehicles()
        checkBlackouts()
        checkSchoolHolidays()
        checkCommunes(calendar: calendar)
        checkDistanceMatrix()
    }

    private func checkTours(calendar: EveningCalendar) {
        var seen: [String: Int] = [:]
        for (index, tour) in season.tours.enumerated() {
            let key = "tours[\(index)]"
            if let first = seen[tour.name] {
                log.error(file, line: tour.line, key: key + ".name", "nom de tournée « \(tour.name) » déjà utilisé par tours[\(first)]")
            }
            seen[tour.name] = index
            if !season.period.contains(tour.dates.first) || !season.period.contains(tour.dates.last) {
                log.error(
                    file, line: tour.line, key: key,
                    "la tournée « \(tour.name) » (\(tour.dates.first) → \(tour.dates.last)) sort de la saison (\(season.period.first) → \(season.period.last))"
                )
                continue
            }
            let candidates = calendar.candidateDates(of: tour).count
            if tour.evenings > candidates {
                log.error(
                    file, line: tour.line, key: key + ".evenings",
                    "\(tour.evenings) soirées demandées mais le calendrier n'en permet que \(candidates) entre le \(tour.dates.first) et le \(tour.dates.last) (jours autorisés, dates exclues, jours fériés) ; voir `tournee evenings --all`"
                )
            }
        }
    }

    /// Each tour that starts while an earlier-starting tour of its vehicle still runs, reported
    /// once against the one that runs longest: a sweep of each vehicle's tours by start date,
    /// O(tours log tours), where comparing every pair made hundreds of copied tours report
    /// (and take) the square of their number.
    private func checkOverlaps() {
        let inPeriod = season.tours.indices.filter { index in
            season.period.contains(season.tours[index].dates.first) && season.period.contains(season.tours[index].dates.last)
        }
        for indices in Dictionary(grouping: inPeriod, by: { season.tours[$0].vehicleID }).values {
            var running: Int?
            for index in indices.sorted(by: { (season.tours[$0].dates.first, $0) < (season.tours[$1].dates.first, $1) }) {
                let tour = season.tours[index]
                if let otherIndex = running, case let other = season.tours[otherIndex], other.dates.overlaps(tour.dates) {
                    log.error(
                        file, line: tour.line, key: "tours[\(index)]",
                        "la tournée « \(tour.name) » chevauche « \(other.name) » (tours[\(otherIndex)]) pour le même véhicule « \(tour.vehicleID) »"
                    )
                }
                if running.map({ season.tours[$0].dates.last < tour.dates.last }) ?? true { running = index }
            }
        }
    }

    private func checkVehicles() {
        let used = Set(season.tours.map(\.vehicleID))
        var seen = Set<String>()
        for (index, vehicle) in season.vehicles.enumerated() {
            if !seen.insert(vehicle.id).inserted {
                log.error(file, line: nil, key: "vehicles[\(index)].id", "identifiant « \(vehicle.id) » déjà utilisé")
            }
            if !used.contains(vehicle.id) {
                log.warning(file, line: nil, key: "vehicles[\(index)]", "le véhicule « \(vehicle.id) » n'a aucune tournée")
            }
        }
    }

    private func checkBlackouts() {
        for (index, blackout) in season.evenings.blackouts.enumerated() where !blackout.dates.overlaps(season.period) {
            log.warning(
                file, line: nil, key: "evenings.blackouts[\(index)]", "date exclue \(blackout.dates.first) hors de la saison : sans effet")
        }
    }

    private func checkSchoolHolidays() {
        guard let rule = season.evenings.schoolHolidays, rule.policy != .allow else { return }
        let years = rule.unknownSchoolYears(in: season.period)
        guard !years.isEmpty else { return }
        let named = years.map { "\($0)-\($0 + 1)" }.joined(separator: ", ")
        let plural = years.count > 1
        log.warning(
            file, line: nil, key: "evenings.schoolHolidays",
            "vacances scolaires de la zone \(rule.zone) inconnues pour \(plural ? "les années scolaires" : "l'année scolaire") \(named) : le fichier n'en donne aucune, elles ne seront pas \(rule.policy == .avoid ? "évitées" : "préférées") ; ajoutez-les au fichier"
        )
    }

    private func checkCommunes(calendar: EveningCalendar) {
        let tourNames = season.tours.map(\.name)
        let knownNames = Set(tourNames)
        let vehicles = season.vehiclesByID
        for commune in season.communes {
            for name in commune.tours where !knownNames.contains(name) {
                log.error(
                    communesFile, line: commune.line, key: "colonne tours",
                    "tournée inconnue « \(name) » ; tournées de la saison : " + Self.listed(tourNames))
            }
            // Sets, not searches of the tours for each of a commune's dates: thousands of tours
            // made that cubic.
            let reachableNames = Set(
                season.tours.filter { tour in vehicles[tour.vehicleID].map { reach(of: $0, to: commune) == nil } ?? false }.map(\.name))
            let dates = calendar.candidateDates(for: commune).filter { reachableNames.contains($0.tour.name) }
            if dates.isEmpty {
                log.error(
                    communesFile, line: commune.line, key: "commune \(commune.insee) \(commune.name)",
                    "ne peut jamais être visitée : " + neverVisitableReason(commune, calendar: calendar, vehicles: vehicles))
            } else if commune.minVisits > 1 {
                let spread = maxVisitsWithSeparation(dates.map(\.date))
                if spread < commune.minVisits {
                    log.warning(
                        communesFile, line: commune.line, key: "commune \(commune.insee) \(commune.name)",
                        "\(commune.minVisits) visites demandées mais au plus \(spread) possibles avec \(season.minDaysBetweenVisits) jours d'écart"
                    )
                }
            }
            for date in commune.preferred.map(\.first) where !season.period.contains(date) {
                log.warning(
                    communesFile, line: commune.line, key: "colonne preferred",
                    "date préférée \(date) hors de la saison (\(season.period.first) → \(season.period.last))")
            }
            if commune.place == nil, commune.mairie != nil {
                log.warning(
                    communesFile, line: commune.line, key: "commune \(commune.insee) \(commune.name)",
                    "lieu de la soirée inconnu (colonne place, ex. « place de l'Église ») : les messages à la mairie ne diront pas où")
            }
            if !(41...51.5).contains(commune.coordinate.latitude) || !(-5.5...10).contains(commune.coordinate.longitude) {
                log.warning(communesFile, line: commune.line, key: "colonnes lat/lon", "position hors de la France métropolitaine")
            }
        }
        let asked = season.communes.reduce(0) { $0 + $1.minVisits }
        let offered = season.tours.reduce(0) { $0 + $1.evenings }
        if asked > offered {
            log.warning(
                communesFile, line: nil, key: nil,
                "les communes demandent au moins \(asked) visites pour \(offered) soirées : certaines seront moins visitées que voulu")
        }
    }

    /// Why a vehicle cannot serve a commune, or nil when it can.
    private func reach(of vehicle: Vehicle, to commune: Commune) -> String? {
        guard vehicle.travel == .returnToBase, let limit = vehicle.maxKmPerEvening else { return nil }
        let roundTrip = 2 * roadKilometres(from: vehicle.base, to: commune)
        return roundTrip > limit
            ? String(format: "%.0f km aller-retour depuis %@ pour %.0f km permis par soirée", roundTrip, vehicle.base.name, limit) : nil
    }

    private func roadKilometres(from base: Place, to commune: Commune) -> Double {
        // A pair missing from a matrix is reported by checkDistanceMatrix; fall back to the crow's flight here.
        season.distances.kilometres(from: base.coordinate, base.insee, to: commune.coordinate, commune.insee)
            ?? base.coordinate.kilometres(to: commune.coordinate)
    }

    /// The reason of each tour, for the first `listedTours` of them: a message naming thousands
    /// of tours for each of thousands of communes would be the size of their product.
    private func neverVisitableReason(_ commune: Commune, calendar: EveningCalendar, vehicles: [String: Vehicle]) -> String {
        let reasons = season.tours.prefix(Self.listedTours).map { tour in
            if let vehicle = vehicles[tour.vehicleID], let far = reach(of: vehicle, to: commune) {
                return "« \(tour.name) » : trop loin (\(far))"
            }
            let candidates = calendar.days(of: tour).filter(\.isCandidate).map(\.date)
            guard !candidates.isEmpty else { return "« \(tour.name) » : aucune soirée possible" }
            let refusals = calendar.days(of: tour, for: commune).compactMap(\.exclusion)
            if refusals.contains(.communeNotInTour) { return "« \(tour.name) » : la commune n'y participe pas" }
            var parts: [String] = []
            let weekdayCount = refusals.filter { if case .communeWeekday = $0 { true } else { false } }.count
            if weekdayCount > 0 {
                let accepted = (commune.weekdays ?? []).map(\.frenchName).joined(separator: ", ")
                parts.append("\(weekdayCount) un jour refusé (la commune reçoit : \(accepted))")
            }
            let unavailableCount = refusals.filter { $0 == .communeUnavailable }.count
            if unavailableCount > 0 { parts.append("\(unavailableCount) pendant ses indisponibilités") }
            return
                "« \(tour.name) » : sur \(candidates.count) soirée\(candidates.count > 1 ? "s" : "") possible\(candidates.count > 1 ? "s" : ""), "
                + parts.joined(separator: " et ")
        }
        let others = season.tours.count - reasons.count
        return reasons.joined(separator: " ; ")
            + (others > 0 ? " ; et \(others) autre\(others > 1 ? "s" : "") tournée\(others > 1 ? "s" : "")" : "")
    }

    /// How many tours a message lists before it counts the others.
    static let listedTours = 10

    /// `names` joined with commas, the first `listedTours` of them and the count of the others.
    static func listed(_ names: [String]) -> String {
        let others = names.count - listedTours
        return names.prefix(listedTours).joined(separator: ", ") + (others > 0 ? " et \(others) autre\(others > 1 ? "s" : "")" : "")
    }

    /// The most dates that can be picked with `minDaysBetweenVisits` between them (greedy, exact on a line).
    private func maxVisitsWithSeparation(_ dates: [CivilDate]) -> Int {
        var count = 0
        var last: CivilDate?
        for date in dates.sorted() where last.map({ $0.days(to: date) >= season.minDaysBetweenVisits }) ?? true {
            count += 1
            last = date
        }
        return count
    }

    private func checkDistanceMatrix() {
        guard case .matrix(let matrix) = season.distances else { return }
        var places = season.vehicles.compactMap(\.base.insee)
        places.append(contentsOf: season.communes.map(\.insee))
        // Counted, with five examples kept: a list of every missing pair is the square of the communes.
        var missingCount = 0
        var examples: [String] = []
        for from in places {
            for to in places where from < to && matrix.leg(from: from, to: to) == nil {
                missingCount += 1
                if examples.count < 5 { examples.append("\(from)→\(to)") }
            }
        }
        if missingCount > 0 {
            log.error(
                matrix.file, line: nil, key: nil,
                "\(missingCount) trajets manquants dans la matrice, par exemple " + examples.joined(separator: ", "))
        }
        for (index, vehicle) in season.vehicles.enumerated() where vehicle.base.insee == nil {
            log.error(
                file, line: nil, key: "vehicles[\(index)].base.insee",
                "avec une matrice de distances, la base doit être donnée par son code INSEE")
        }
    }

}
