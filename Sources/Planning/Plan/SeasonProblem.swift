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
///   with the minimum separation and `maxVisits` served. Visit *k* is worth the value of filling
///   an evening (more than any visit can cost, so tours fill first) plus, for *k* ≤ `minVisits`,
///   the commune's visit value (`PlanObjective`). Its preferred evenings are an alternative of
///   the same visit, with those windows, worth the bonus more: the value depends on the window,
///   whatever the rank;
/// - a vehicle that returns to base after each evening gets each commune as its own location,
///   with `d'(i, j) = d(i, base) + d(base, j)`: a route's length is then the sum of its round
///   trips. A vehicle that goes straight on uses plain distances, with the day's driving limits
///   as leg limits;
/// - kept events (re-planning) are mandatory jobs with their single date;
/// - a standing evening (re-planning: proposed, kept where it is unless moving it is worth it)
///   is an extra job with its single date, worth its visit's value plus its stability bonus,
///   and shares a set of alternatives with the visit job of the same rank: the visit is served
///   at its date (bonus earned) or at another (bonus forfeited: the stability penalty), never
///   both, and every visit keeps its rank's value. Dates a commune declined, and dates before
///   the basis's first new date, are offered to no new or moved evening.
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
        /// The standing evening it holds at its date, when re-planning.
        public let standing: StandingEvening?
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
    /// What the plan starts from.
    public let basis: PlanBasis
    /// The bonus of a standing evening announced to its mairie, in euros: what moving or
    /// withdrawing it costs (the season's `stabilityPenalty`, else `defaultStabilityPenalty`).
    public let stabilityPenalty: Double

    /// Compiles a season from `basis`: its kept events fixed where they are, its standing
    /// evenings held at their dates by their bonus. O(communes × tours × days).
    public init(season: Season, basis: PlanBasis = PlanBasis()) throws(PlanningError) {
        self.season = season
        self.basis = basis
        let kept = basis.kept
        origin = season.period.first
        let tourVehicle = try Self.tourVehicles(of: season)
        let places = SeasonProblemPlaces(season: season)
        let kilometres = try Self.roadKilometres(places.coordinates, insee: places.insee, source: season.distances)
        self.tourVehicle = tourVehicle
        self.kilometres = kilometres
        locationCommune = places.locationCommune
        tourBase = tourVehicle.map { places.vehicleBase[$0] }
        communeLocation = places.communeLocation
        let travel = Self.travel(season, places: places, kilometres: kilometres)
        minutes = try Self.matrix(places.count, travel.realMinutes)
        let vehicles = Self.routingVehicles(season, origin: origin, tourVehicle: tourVehicle, tourBase: tourBase)
        let stabilityPenalty =
            season.objective.stabilityPenalty ?? Self.defaultStabilityPenalty(season, places: places, routingKm: travel.routingKm)
        self.stabilityPenalty = stabilityPenalty
        // Filling an evening comes first: worth more than any visit can cost or earn otherwise.
        let longestTrips = Self.defaultStabilityPenalty(season, places: places, routingKm: travel.routingKm)
        let largestValue = season.communes.map { PlanObjective.visitValue(of: $0, weights: season.objective) }.max() ?? 0
        let fillValue = longestTrips + largestValue + season.objective.preferredDateBonus + stabilityPenalty
        let compiled = SeasonProblemJobs(
            season: season, basis: basis, stabilityPenalty: stabilityPenalty, fillValue: fillValue, places: places,
            kilometres: kilometres, origin: origin)
        let communeIndex = Dictionary(uniqueKeysWithValues: season.communes.enumerated().map { ($0.element.insee, $0.offset) })
        for event in kept where communeIndex[event.insee] == nil {
            throw .keptEventUnknownCommune(id: event.id, insee: event.insee)
        }
        // A kept evening is a mandatory job only on a tour of the season its commune joins:
        // one the season no longer gives it would otherwise leave the plan unsaid.
        let placed = Set(compiled.meanings.compactMap { $0.kept?.id })
        if let lost = kept.first(where: { !placed.contains($0.id) }) {
            throw .keptEventWithoutTour(id: lost.id, date: lost.date, tour: lost.tour)
        }
        let groups = season.communes.map { commune in
            JobGroup(minimumSeparation: Double(season.minDaysBetweenVisits * 1440) - 0.5, maximumServed: commune.maxVisits)
        }
        do {
            problem = try Problem(
                distances: try Self.matrix(places.count, travel.routingKm),
                durations: try Self.matrix(places.count, travel.routingMinutes),
                jobs: compiled.jobs, vehicles: vehicles, groups: groups,
                objective: .weighted(unservedPenalty: 1, vehicles: 0, cost: 1))
        } catch {
            throw .model("\(error)")
        }
        jobs = compiled.meanings
    }

    /// The default stability penalty: 1 € more than the most that moving one evening can save
    /// in driving, whatever the plan — twice the longest leg a vehicle may drive (taking an
    /// evening out of a route saves at most the two legs around it, and putting it back
    /// elsewhere never costs less than nothing), at that vehicle's cost per km, rounded up.
    /// So no evening announced to its mairie ever moves for kilometres alone. O(locations²).
    static func defaultStabilityPenalty(_ season: Season, places: SeasonProblemPlaces, routingKm: ContiguousArray<Double>) -> Double {
        let n = places.count
        var most = 0.0
        for (v, vehicle) in season.vehicles.enumerated() {
            let own = (0..<n).filter { places.locationVehicle[$0] == v }
            var longest = 0.0
            for a in own { for b in own { longest = max(longest, routingKm[a * n + b]) } }
            most = max(most, 2 * longest * vehicle.costPerKm)
        }
        return most.rounded(.up) + 1
    }

    /// The season vehicle of each tour, by index.
    private static func tourVehicles(of season: Season) throws(PlanningError) -> [Int] {
        var tourVehicle: [Int] = []
        for tour in season.tours {
            guard let v = season.vehicles.firstIndex(where: { $0.id == tour.vehicleID }) else { throw .unknownVehicle(tour.vehicleID) }
            tourVehicle.append(v)
        }
        return tourVehicle
    }

    /// Real minutes at each vehicle's speed, and the routing matrices, which follow its travel
    /// policy (a vehicle that returns to base drives each leg through it).
    private static func travel(_ season: Season, places: SeasonProblemPlaces, kilometres: Matrix)
        -> (realMinutes: ContiguousArray<Double>, routingKm: ContiguousArray<Double>, routingMinutes: ContiguousArray<Double>)
    {
        let n = places.count
        var realMinutes = ContiguousArray<Double>(repeating: 0, count: n * n)
        var routingKm = ContiguousArray<Double>(repeating: 0, count: n * n)
        var routingMinutes = ContiguousArray<Double>(repeating: 0, count: n * n)
        for a in 0..<n {
            let vehicle = season.vehicles[places.locationVehicle[a]]
            let minutesPerKm = 60 / vehicle.speedKmh
            let base = places.vehicleBase[places.locationVehicle[a]]
            // The diagonal matters too: two visits of one commune in a row are two round trips.
            for b in 0..<n where a != b || places.locationCommune[a] != nil {
                realMinutes[a * n + b] = kilometres[a, b] * minutesPerKm
                let viaBase = vehicle.travel == .returnToBase && places.locationCommune[a] != nil && places.locationCommune[b] != nil
                let km = viaBase ? kilometres[a, base] + kilometres[base, b] : kilometres[a, b]
                routingKm[a * n + b] = km
                routingMinutes[a * n + b] = km * minutesPerKm
            }
        }
        return (realMinutes, routingKm, routingMinutes)
    }

    /// One routing vehicle per tour, its shift spanning the tour's dates.
    private static func routingVehicles(_ season: Season, origin: CivilDate, tourVehicle: [Int], tourBase: [Int]) -> [Routing.Vehicle] {
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
            vehicles.append(
                Routing.Vehicle(
                    start: tourBase[t], end: tourBase[t], shift: TimeWindow(start: first, end: last), skills: [tourVehicle[t]],
                    costPerDistance: vehicle.costPerKm, maxJobs: tour.evenings,
                    maxLegDistance: straightOn ? legKm : nil,
                    maxLegDuration: straightOn ? vehicle.maxDrivingMinutesPerDay.map(Double.init) : nil))
        }
        return vehicles
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
    /// A kept event whose tour is no longer in the season, or no longer takes its commune.
    case keptEventWithoutTour(id: String, date: CivilDate, tour: String)
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
        case .keptEventWithoutTour(let id, let date, let tour):
            "la soirée gardée \(id) du \(date) est sur la tournée « \(tour) », que la saison n'a plus pour sa commune ; rien n'a été replanifié : remettez la tournée dans season.json, ou annulez la soirée (tournee event cancel)"
        case .keptPlan(let message): message
        case .model(let message): "modèle de tournée refusé : \(message)"
        }
    }
}
