import CivilTime
import TextFormats

/// Checks evenings against every rule of their season, in the same words as the planner's
/// explanations: a plan written by hand (or edited), or the live evenings a database holds.
public struct PlanChecker: Sendable {
    /// The season the evenings belong to.
    public let season: Season

    /// Creates a checker for a season.
    public init(season: Season) { self.season = season }

    /// Every broken rule as an issue naming the plan file, the event's line and its identifier.
    /// Cancelled events are ignored. O(events² + events × rules).
    public func check(_ entries: [PlanDocument.EventPart], file: String) -> [FileIssue] {
        let events = entries.filter { $0.status != .cancelled }.sorted { ($0.date, $0.line) < ($1.date, $1.line) }
        let lines = Dictionary(events.map { ($0.id, $0.line) }, uniquingKeysWith: { first, _ in first })
        let issues = (standingBreaches(events) + tourBreaches(events)).map { breach in
            FileIssue(
                .error, file: file, line: breach.eventID.flatMap { lines[$0] }, key: breach.eventID.map { "événement \($0)" },
                message: breach.message)
        }
        return SeasonLoader.sorted(issues)
    }

    /// The rules every evening that takes its place in the season keeps at all times, in a plan
    /// or in the database: each evening's commune, tour, vehicle, date and reach; one evening
    /// per vehicle per evening; each commune's gap between visits and its `max_visits`. The
    /// events are given in date order; tours' evening counts are not looked at (an evening
    /// called off leaves its tour short). O(events² + events × rules).
    public func standingBreaches<Evening: PlacedEvening>(_ events: [Evening]) -> [RuleBreach] {
        eventBreaches(events)
            + Self.sameEveningBreaches(events) { insee in season.communes.first { $0.insee == insee }?.name }
            + communeBreaches(events)
    }

    /// The rules each event must keep on its own: commune, tour, vehicle, date, distance.
    func eventBreaches<Evening: PlacedEvening>(_ events: [Evening]) -> [RuleBreach] {
        let calendar = EveningCalendar(season: season)
        var breaches: [RuleBreach] = []
        for entry in events {
            func broken(_ rule: RuleBreach.Rule, _ message: String) {
                breaches.append(RuleBreach(rule, on: entry, involving: [entry], message))
            }
            guard let commune = season.communes.first(where: { $0.insee == entry.insee }) else {
                broken(.commune, "commune \(entry.insee) absente de la saison")
                continue
            }
            guard let tour = season.tours.first(where: { $0.name == entry.tour }) else {
                broken(.tour, "tournée inconnue « \(entry.tour) »")
                continue
            }
            if entry.vehicle != tour.vehicleID {
                broken(.vehicle, "la tournée « \(tour.name) » est faite par « \(tour.vehicleID) », pas par « \(entry.vehicle) »")
            }
            guard tour.dates.contains(entry.date) else {
                broken(.tourDates, "\(entry.date) hors de la tournée « \(tour.name) » (\(tour.dates.first) → \(tour.dates.last))")
                continue
            }
            if let day = calendar.days(of: tour, for: commune).first(where: { $0.date == entry.date }), let exclusion = day.exclusion {
                broken(.allowedEvening, "\(commune.name) le \(entry.date) : \(exclusion)")
            }
            if let vehicle = season.vehicle(id: tour.vehicleID), vehicle.travel == .returnToBase,
                let km = season.distances.kilometres(
                    from: vehicle.base.coordinate, vehicle.base.insee, to: commune.coordinate, commune.insee),
                SeasonProblem.exceedsReturnLimits(vehicle, km: 2 * km)
            {
                broken(
                    .reach,
                    "\(commune.name) est trop loin : \(JSONOutput.fixed(2 * km, decimals: 0)) km aller-retour depuis \(vehicle.base.name), au-delà des limites de \(vehicle.name)"
                )
            }
        }
        return breaches
    }

    /// One evening per vehicle per evening, which needs no season beyond the communes' names
    /// (`communeName`, nil when unknown): the events are given in date order, and each one after
    /// the first of its vehicle's evening is reported. O(events).
    public static func sameEveningBreaches<Evening: PlacedEvening>(
        _ events: [Evening], communeName: (String) -> String?
    ) -> [RuleBreach] {
        var booked: [Booking: [Evening]] = [:]
        var breaches: [RuleBreach] = []
        for entry in events {
            let booking = Booking(vehicle: entry.vehicle, date: entry.date)
            let earlier = booked[booking, default: []]
            booked[booking, default: []].append(entry)
            if let other = earlier.first {
                let name = communeName(other.insee) ?? other.insee
                breaches.append(
                    RuleBreach(
                        .oneEveningPerVehicle, on: entry, involving: earlier + [entry],
                        "soirée du \(entry.date) déjà prise par \(name) (\(other.id)) pour le même véhicule « \(entry.vehicle) »"))
            }
        }
        return breaches
    }

    /// The live evenings on a date their commune refused: each one `declined` (the evenings the
    /// mairies refused) holds for its commune, reported with the refusal (`communeName`, nil
    /// when unknown). O(events + refusals).
    public static func declinedDateBreaches<Evening: PlacedEvening>(
        _ events: [Evening], declined: [Evening], communeName: (String) -> String?
    ) -> [RuleBreach] {
        let refusals = Dictionary(
            declined.map { (DeclinedDay(insee: $0.insee, date: $0.date), $0) }, uniquingKeysWith: { first, _ in first })
        return events.compactMap { entry in
            guard let refusal = refusals[DeclinedDay(insee: entry.insee, date: entry.date)] else { return nil }
            let name = communeName(entry.insee) ?? entry.insee
            return RuleBreach(
                .declinedDate, on: entry, involving: [refusal, entry],
                "\(name) a refusé le \(entry.date) (soirée \(refusal.id))")
        }
    }

    private func communeBreaches<Evening: PlacedEvening>(_ events: [Evening]) -> [RuleBreach] {
        var breaches: [RuleBreach] = []
        for commune in season.communes {
            let own = events.filter { $0.insee == commune.insee }
            for (index, entry) in own.enumerated() {
                if let previous = own.prefix(index).last, previous.date.days(to: entry.date) < season.minDaysBetweenVisits {
                    breaches.append(
                        RuleBreach(
                            .minimumGap, on: entry, involving: [previous, entry],
                            "\(commune.name) le \(entry.date) est à \(previous.date.days(to: entry.date)) jours de sa visite du \(previous.date) (écart minimal \(season.minDaysBetweenVisits) jours)"
                        ))
                }
            }
            if own.count > commune.maxVisits, let last = own.last {
                breaches.append(
                    RuleBreach(
                        .maximumVisits, on: last, involving: own, dated: false,
                        "\(commune.name) reçoit \(own.count) soirées, plus que les \(commune.maxVisits) acceptées"))
            }
        }
        return breaches
    }

    /// A whole plan's rules beyond the standing ones: each tour's evening count, and a
    /// straight-on tour's drive from one evening to the next.
    private func tourBreaches<Evening: PlacedEvening>(_ events: [Evening]) -> [RuleBreach] {
        var breaches: [RuleBreach] = []
        for tour in season.tours {
            let own = events.filter { $0.tour == tour.name }
            if own.count != tour.evenings {
                let message = "la tournée « \(tour.name) » a \(own.count) soirées pour \(tour.evenings) demandées"
                if own.count > tour.evenings, let last = own.last {
                    breaches.append(RuleBreach(.tourEvenings, on: last, involving: own, dated: false, message))
                } else {
                    breaches.append(RuleBreach(tour: tour.name, message))
                }
            }
            guard let vehicle = season.vehicle(id: tour.vehicleID), vehicle.travel == .straightOn,
                let limit = [vehicle.maxKmPerDay, vehicle.maxKmPerEvening].compactMap({ $0 }).min()
            else { continue }
            var previous: (Coordinate, String?, String) = (vehicle.base.coordinate, vehicle.base.insee, vehicle.base.name)
            for entry in own {
                guard let commune = season.communes.first(where: { $0.insee == entry.insee }) else { continue }
                if let km = season.distances.kilometres(from: previous.0, previous.1, to: commune.coordinate, commune.insee), km > limit {
                    breaches.append(
                        RuleBreach(
                            .dailyDrive, on: entry, involving: [entry],
                            "trajet de \(JSONOutput.fixed(km, decimals: 0)) km depuis \(previous.2), au-delà des \(JSONOutput.fixed(limit, decimals: 0)) km permis par jour"
                        ))
                }
                previous = (commune.coordinate, commune.insee, commune.name)
            }
        }
        return breaches
    }
}

/// A commune's date, as a refusal names it.
private struct DeclinedDay: Hashable {
    let insee: String
    let date: CivilDate
}

/// A vehicle's evening: what at most one live event may take.
private struct Booking: Hashable {
    let vehicle: String
    let date: CivilDate
}
