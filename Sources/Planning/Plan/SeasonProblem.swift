import CivilTime
import Foundation
import Routing

/// A season compiled into the routing engine's model, with the tables to map a solution back.
///
/// Time is counted in *civil minutes* since midnight of the season's first day (day × 1440 +
/// local minutes), so an evening at 18:30 is the same number every day whatever the clocks do;
/// travel times (minutes of driving) are small next to the days between evenings.
///
/// Modelling (a VRP with multiple time windows, optional jobs and group separation):
/// - each tour is a routing vehicle whose shift spans the tour's dates, with `maxJobs` = its
///   evenings and the skill of the season vehicle that runs it;
/// - each allowed evening is a window for the start of service, which begins `setupMinutes`
///   before the evening; service lasts the setup and the evening, so a tour holds at most one
///   event per evening;
/// - each commune gets, per season vehicle that may serve it, one optional job per visit it
///   accepts, whose windows are its candidate evenings in all that vehicle's tours (the tours
///   of one vehicle never overlap, so a date names its tour); the jobs of a commune form a group
///   with the minimum separation and `maxVisits` served. Visit *k* is worth the missed-visit
///   penalty (times the no-café and small-village factors) for *k* ≤ `minVisits`, a quarter of
///   it beyond, so a second visit never outranks another village's first. A preferred date is an
///   extra job with that single window, worth the last visit's value plus the bonus;
/// - a vehicle that returns to base after each evening gets each commune as its own location,
///   with `d'(i, j) = d(i, base) + d(base, j)`: a route's length is then the sum of its round
///   trips. A vehicle that goes straight on uses plain distances, with the day's driving limits
///   as leg limits;
/// - kept events (re-planning) are mandatory jobs with their single date.
///
/// A commune served by two different season vehicles sees its visit values counted per
/// vehicle (its first visit with each is worth a first visit): seasons give each vehicle its
/// own communes in practice.
public struct SeasonProblem: Sendable {
    /// What a routing job stands for.
    public struct JobMeaning: Sendable, Hashable {
        /// Index of the commune in `season.communes`.
        public let commune: Int
        /// Index of the season vehicle in `season.vehicles`.
        public let vehicle: Int
        /// The visit's rank for its value (1 for the first visit wanted).
        public let rank: Int
        /// Whether the job is a preferred-date variant.
        public let isPreferredDate: Bool
        /// The kept event it stands for, when re-planning.
        public let kept: KeptEvent?
    }

    /// The season compiled.
    public let season: Season
    /// The routing problem; its vehicle *t* is the season's tour *t*.
    public let problem: Problem
    /// What each job stands for, by job index.
    public let jobs: [JobMeaning]
    /// The real distance in km between two places of the problem, by location index.
    public let kilometres: Matrix
    /// The real driving minutes between two places, by location index.
    public let minutes: Matrix
    /// The commune index of each location (nil for a base).
    public let locationCommune: [Int?]
    /// The season vehicle of each tour.
    public let tourVehicle: [Int]
    /// The base location of each tour (its vehicle's base).
    public let tourBase: [Int]
    /// The location of each commune a season vehicle may serve, by vehicle then commune index.
    public let communeLocation: [[Int: Int]]
    /// Day 0 of the civil-minute clock.
    public let origin: CivilDate

    /// The share of the missed-visit penalty that an extra visit (beyond `minVisits`) is worth.
    public static let extraVisitShare = 0.25

    /// Compiles a season; `kept` events are fixed where they are. O(communes × tours × days).
    public init(season: Season, kept: [KeptEvent] = []) throws(PlanningError) {
        self.season = season
        let origin = season.period.first
        self.origin = origin
        let calendar = EveningCalendar(season: season)
        let rules = season.evenings
        let communeIndex = Dictionary(uniqueKeysWithValues: season.communes.enumerated().map { ($0.element.insee, $0.offset) })
        var tourVehicle: [Int] = []
        for tour in season.tours {
            guard let v = season.vehicles.firstIndex(where: { $0.id == tour.vehicleID }) else { throw .unknownVehicle(tour.vehicleID) }
            tourVehicle.append(v)
        }
        self.tourVehicle = tourVehicle
        func joins(_ commune: Commune, _ tour: Tour) -> Bool { commune.tours.isEmpty || commune.tours.contains(tour.name) }

        // Places: each season vehicle's base, then one copy of each commune it may serve.
        var places: [Coordinate] = []
        var placeInsee: [String?] = []
        var locationCommune: [Int?] = []
        var locationVehicle: [Int] = []
        var vehicleBase: [Int] = []
        var communeLocation: [[Int: Int]] = Array(repeating: [:], count: season.vehicles.count)
        for (v, vehicle) in season.vehicles.enumerated() {
            vehicleBase.append(places.count)
            places.append(vehicle.base.coordinate)
            placeInsee.append(vehicle.base.insee)
            locationCommune.append(nil)
            locationVehicle.append(v)
            let tours = season.tours.filter { $0.vehicleID == vehicle.id }
            for (c, commune) in season.communes.enumerated() where tours.contains(where: { joins(commune, $0) }) {
                communeLocation[v][c] = places.count
                places.append(commune.coordinate)
                placeInsee.append(commune.insee)
                locationCommune.append(c)
                locationVehicle.append(v)
            }
        }
        let kilometres = try Self.roadKilometres(places, insee: placeInsee, source: season.distances)
        self.kilometres = kilometres
        self.locationCommune = locationCommune
        self.tourBase = tourVehicle.map { vehicleBase[$0] }
        self.communeLocation = communeLocation

        // Travel: real minutes at each vehicle's speed; the routing matrices follow its policy.
        let n = places.count
        var realMinutes = ContiguousArray<Double>(repeating: 0, count: n * n)
        var routingKm = ContiguousArray<Double>(repeating: 0, count: n * n)
        var routingMinutes = ContiguousArray<Double>(repeating: 0, count: n * n)
        for a in 0..<n {
            let vehicle = season.vehicles[locationVehicle[a]]
            let minutesPerKm = 60 / vehicle.speedKmh
            let base = vehicleBase[locationVehicle[a]]
            // The diagonal matters too: two visits of one commune in a row are two round trips.
            for b in 0..<n where a != b || locationCommune[a] != nil {
                realMinutes[a * n + b] = kilometres[a, b] * minutesPerKm
                let viaBase = vehicle.travel == .returnToBase && locationCommune[a] != nil && locationCommune[b] != nil
                let km = viaBase ? kilometres[a, base] + kilometres[base, b] : kilometres[a, b]
                routingKm[a * n + b] = km
                routingMinutes[a * n + b] = km * minutesPerKm
            }
        }
        minutes = try Self.matrix(n, realMinutes)

        // Routing vehicles: one per tour.
        var vehicles: [Routing.Vehicle] = []
        for (t, tour) in season.tours.enumerated() {
            let vehicle = season.vehicles[tourVehicle[t]]
            let first = Double(origin.days(to: tour.dates.first)) * 1440
            // Back home by noon after the tour's last day: late enough for any drive home after
            // its last evening, too early for an evening of the next day, which belongs to
            // another tour of the same vehicle (a job's windows span all that vehicle's tours).
            let last = Double(origin.days(to: tour.dates.last) + 1) * 1440 + 12 * 60
            let legKm = [vehicle.maxKmPerDay, vehicle.maxKmPerEvening].compactMap { $0 }.min()
            let straightOn = vehicle.travel == .straightOn
            vehicles.append(Routing.Vehicle(
                start: tourBase[t], end: tourBase[t], shift: TimeWindow(start: first, end: last), skills: [tourVehicle[t]],
                costPerDistance: vehicle.costPerKm, maxJobs: tour.evenings,
                maxLegDistance: straightOn ? legKm : nil,
                maxLegDuration: straightOn ? vehicle.maxDrivingMinutesPerDay.map(Double.init) : nil))
        }

        // Jobs, per commune and season vehicle.
        let weights = season.objective
        var routingJobs: [Job] = []
        var meanings: [JobMeaning] = []
        let keptByCommune = Dictionary(grouping: kept, by: \.insee)
        for (c, commune) in season.communes.enumerated() {
            var factor = 1.0
            if commune.hasCafe == false { factor *= weights.noCafeFactor }
            if commune.population < weights.smallVillagePopulation { factor *= weights.smallVillageFactor }
            let value = { (rank: Int) in weights.missedVisitPenalty * factor * (rank <= commune.minVisits ? 1 : Self.extraVisitShare) }
            let keptHere = keptByCommune[commune.insee] ?? []
            for (v, vehicle) in season.vehicles.enumerated() {
                guard let location = communeLocation[v][c] else { continue }
                let serviceStart = Double(rules.start.minutesSinceMidnight - vehicle.setupMinutes)
                let service = Double(vehicle.setupMinutes + rules.durationMinutes)
                func window(_ date: CivilDate) -> TimeWindow {
                    let at = Double(origin.days(to: date)) * 1440 + serviceStart
                    return TimeWindow(start: at, end: at)
                }
                let tours = season.tours.filter { $0.vehicleID == vehicle.id && joins(commune, $0) }
                for event in keptHere where tours.contains(where: { $0.name == event.tour }) {
                    routingJobs.append(Job(location: location, serviceDuration: service, timeWindows: [window(event.date)],
                                           skills: [v], requirement: .mandatory, group: c))
                    meanings.append(JobMeaning(commune: c, vehicle: v, rank: 0, isPreferredDate: false, kept: event))
                }
                if vehicle.travel == .returnToBase, Self.exceedsReturnLimits(vehicle, km: 2 * kilometres[vehicleBase[v], location]) { continue }
                let keptDates = Set(kept.filter { event in season.tours.contains { $0.name == event.tour && $0.vehicleID == vehicle.id } }.map(\.date))
                let days = tours.flatMap { calendar.days(of: $0, for: commune) }
                    .filter { $0.isCandidate && !keptDates.contains($0.date) }.sorted { $0.date < $1.date }
                let open = commune.maxVisits - keptHere.count
                guard !days.isEmpty, open > 0 else { continue }
                let firstRank = keptHere.count + 1
                for rank in firstRank..<(firstRank + open) {
                    routingJobs.append(Job(location: location, serviceDuration: service, timeWindows: days.map { window($0.date) },
                                           skills: [v], requirement: .optional(penalty: value(rank)), group: c))
                    meanings.append(JobMeaning(commune: c, vehicle: v, rank: rank, isPreferredDate: false, kept: nil))
                }
                // Worth the last visit's value plus the bonus: exact when one visit is accepted,
                // and never more than the visits it can replace when several are.
                for day in days where day.isPreferredDay || calendar.isPreferred(day.date, by: commune) {
                    routingJobs.append(Job(location: location, serviceDuration: service, timeWindows: [window(day.date)], skills: [v],
                                           requirement: .optional(penalty: value(commune.maxVisits) + weights.preferredDateBonus), group: c))
                    meanings.append(JobMeaning(commune: c, vehicle: v, rank: commune.maxVisits, isPreferredDate: true, kept: nil))
                }
            }
        }
        for event in kept where communeIndex[event.insee] == nil {
            throw .keptEventUnknownCommune(id: event.id, insee: event.insee)
        }
        let groups = season.communes.map { commune in
            JobGroup(minimumSeparation: Double(season.minDaysBetweenVisits * 1440) - 0.5, maximumServed: commune.maxVisits)
        }
        do {
            problem = try Problem(distances: try Self.matrix(n, routingKm), durations: try Self.matrix(n, routingMinutes),
                                  jobs: routingJobs, vehicles: vehicles, groups: groups,
                                  objective: .weighted(unservedPenalty: 1, vehicles: 0, cost: 1))
        } catch {
            throw .model("\(error)")
        }
        self.jobs = meanings
    }

    /// The civil date of a service start on the civil-minute clock.
    public func date(ofServiceStart minutes: Double, tour: Int) -> CivilDate {
        let vehicle = season.vehicle(id: season.tours[tour].vehicleID)!
        let eveningStart = minutes + Double(vehicle.setupMinutes)
        return origin.adding(days: Int((eveningStart / 1440).rounded(.down)))
    }

    static func exceedsReturnLimits(_ vehicle: Vehicle, km: Double) -> Bool {
        if let limit = vehicle.maxKmPerEvening, km > limit { return true }
        if let limit = vehicle.maxKmPerDay, km > limit { return true }
        if let limit = vehicle.maxDrivingMinutesPerDay, km / vehicle.speedKmh * 60 > Double(limit) { return true }
        return false
    }

    private static func roadKilometres(_ places: [Coordinate], insee: [String?], source: DistanceSource) throws(PlanningError) -> Matrix {
        let n = places.count
        var values = ContiguousArray<Double>(repeating: 0, count: n * n)
        for a in 0..<n {
            for b in 0..<n where a != b {
                guard let km = source.kilometres(from: places[a], insee[a], to: places[b], insee[b]) else {
                    throw .missingDistance(from: insee[a] ?? "?", to: insee[b] ?? "?")
                }
                values[a * n + b] = km
            }
        }
        return try matrix(n, values)
    }

    private static func matrix(_ n: Int, _ values: ContiguousArray<Double>) throws(PlanningError) -> Matrix {
        do { return try Matrix(count: n, values: values) } catch { throw .model("\(error)") }
    }
}

/// A season that cannot be turned into a plan.
public enum PlanningError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A tour names a vehicle that does not exist.
    case unknownVehicle(String)
    /// The distance matrix lacks a pair.
    case missingDistance(from: String, to: String)
    /// A kept event names a commune that is not in the season.
    case keptEventUnknownCommune(id: String, insee: String)
    /// The kept plan cannot be read.
    case keptPlan(String)
    /// The routing model refused the data (a bug or absurd values).
    case model(String)

    /// The explanation in French.
    public var description: String {
        switch self {
        case .unknownVehicle(let id): "véhicule inconnu « \(id) »"
        case .missingDistance(let from, let to): "distance manquante de \(from) à \(to) dans la matrice"
        case .keptEventUnknownCommune(let id, let insee): "l'événement gardé \(id) concerne la commune \(insee), absente de la saison"
        case .keptPlan(let message): message
        case .model(let message): "modèle de tournée refusé : \(message)"
        }
    }
}
