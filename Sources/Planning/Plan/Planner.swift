import CivilTime
import Foundation
import Routing

/// Plans a season: compiles it, solves the routing problem, and maps the solution back to dated
/// evenings with explanations and warnings.
public struct Planner: Sendable {
    /// Solver iterations (ruin-and-recreate steps); fixed so the same season and seed give the
    /// same plan on any machine.
    public var iterations: Int
    /// 1 or 2 search threads (deterministic either way).
    public var threads: Int

    /// The default iteration count.
    public static let defaultIterations = 2_000

    /// Creates a planner.
    public init(iterations: Int = Planner.defaultIterations, threads: Int = 1) {
        self.iterations = iterations
        self.threads = threads
    }

    /// Plans `season` from `basis` (nothing for a first plan): its kept events where they are,
    /// its standing evenings where they are unless moving them is worth their bonus; an evening
    /// that moves keeps its identifier. `seasonSlug` prefixes identifiers.
    public func plan(_ season: Season, seasonSlug: String, basis: PlanBasis = PlanBasis()) throws(PlanningError) -> Plan {
        let compiled = try SeasonProblem(season: season, basis: basis)
        let solution = Solver.solve(
            compiled.problem, options: SolverOptions(seed: season.seed, iterationLimit: iterations, threads: threads))
        if let missing = solution.unassigned.first(where: { compiled.problem.jobs[$0.job].isMandatory }) {
            let event = compiled.jobs[missing.job].kept!
            throw .keptPlan(
                "l'événement confirmé \(event.id) (\(event.date), \(event.insee)) ne peut pas être gardé : il enfreint une règle de la saison ; vérifiez-le avec `tournee check`"
            )
        }
        let events = Self.events(compiled, solution, seasonSlug: seasonSlug)
        let summary = Self.summary(compiled, solution, events)
        let explanations = PlanExplainer(compiled: compiled, solution: solution, events: events).explanations()
        let warnings = PlanWarnings(season: season, compiled: compiled, events: events).all()
        // The solver chains a straight-on tour's villages; the plan drives them as the policy
        // says (home between evenings that do not follow), and is judged on those kilometres.
        let objective = solution.cost.unservedPenalty + summary.cost
        let bound = max(SeasonBound.lowerBound(of: compiled), solution.lowerBound ?? -.infinity)
        let quality: PlanQuality = solution.isProvenOptimal || objective <= bound + 1e-6 ? .provenOptimal : .heuristic(lowerBound: bound)
        return Plan(
            season: season, seasonSlug: seasonSlug, events: events, summary: summary, explanations: explanations,
            warnings: warnings, quality: quality, objective: objective, iterations: iterations, basis: basis,
            stabilityPenalty: compiled.stabilityPenalty)
    }

    /// How a tour's vehicle drives its route, by its travel policy: the leg into each evening
    /// and the kilometres back to base. Going straight on, the vehicle chains two villages only
    /// when the second evening is the next day; otherwise it goes home in between.
    struct Driving {
        var legs: [(job: Int, date: CivilDate, from: String, km: Double, minutes: Double)] = []
        var returnKm = 0.0
    }

    static func driving(_ route: Route, _ compiled: SeasonProblem) -> Driving {
        let season = compiled.season
        let t = route.vehicle
        let vehicle = season.vehicles[compiled.tourVehicle[t]]
        let base = compiled.tourBase[t]
        var result = Driving()
        var previous = base
        var previousDate: CivilDate?
        for stop in route.stops {
            let location = compiled.problem.jobs[stop.job].location
            let date = compiled.date(ofServiceStart: stop.serviceStart, tour: t)
            if vehicle.travel == .returnToBase {
                result.legs.append(
                    (stop.job, date, vehicle.base.name, 2 * compiled.kilometres[base, location], 2 * compiled.minutes[base, location]))
            } else if previous != base, previousDate?.adding(days: 1) == date {
                let from = season.communes[compiled.locationCommune[previous]!].name
                result.legs.append((stop.job, date, from, compiled.kilometres[previous, location], compiled.minutes[previous, location]))
            } else {
                if previous != base { result.returnKm += compiled.kilometres[previous, base] }
                result.legs.append(
                    (stop.job, date, vehicle.base.name, compiled.kilometres[base, location], compiled.minutes[base, location]))
            }
            previous = location
            previousDate = date
        }
        if vehicle.travel == .straightOn, previous != base { result.returnKm += compiled.kilometres[previous, base] }
        return result
    }

    private static func events(_ compiled: SeasonProblem, _ solution: Solution, seasonSlug: String) -> [PlannedEvent] {
        let season = compiled.season
        var drafts: [(date: CivilDate, tour: Int, job: Int, from: String, km: Double, minutes: Double)] = []
        for route in solution.routes {
            for leg in driving(route, compiled).legs {
                drafts.append((leg.date, route.vehicle, leg.job, leg.from, leg.km, leg.minutes))
            }
        }
        drafts.sort { ($0.date, $0.tour) < ($1.date, $1.tour) }
        let held = Set(drafts.compactMap { compiled.jobs[$0.job].standing?.id })
        // A standing evening not held at its date moves to its commune's first new evening.
        var movable = Dictionary(
            grouping: compiled.basis.standing.filter { !held.contains($0.id) }.sorted { ($0.date, $0.id) < ($1.date, $1.id) },
            by: \.insee)
        var usedIDs = compiled.basis.reservedIDs.union(compiled.basis.standing.map(\.id)).union(compiled.basis.kept.map(\.id))
        return drafts.map { draft in
            let meaning = compiled.jobs[draft.job]
            let commune = season.communes[meaning.commune]
            let tour = season.tours[draft.tour]
            let id: String
            if let kept = meaning.kept {
                id = kept.id
            } else if let standing = meaning.standing {
                id = standing.id
            } else if let moved = movable[commune.insee]?.first {
                id = moved.id
                movable[commune.insee]?.removeFirst()
            } else {
                // Events come in date order: the commune's first free ordinal is its visit's rank.
                var n = 1
                while usedIDs.contains(Self.identifier(seasonSlug, commune.insee, n)) { n += 1 }
                id = Self.identifier(seasonSlug, commune.insee, n)
                usedIDs.insert(id)
            }
            return PlannedEvent(
                id: id, date: draft.date, start: season.evenings.start, end: season.evenings.end,
                insee: commune.insee, communeName: commune.name, vehicle: tour.vehicleID, tour: tour.name,
                status: meaning.kept?.status ?? .proposed, from: draft.from, km: draft.km, minutes: draft.minutes)
        }
    }

    /// `SAISON-INSEE-N`, lower case ASCII: the season, the commune and the visit's rank among
    /// the commune's visits (1 for the first). Neither the tour nor the plan's order is in it,
    /// so a re-plan that keeps a commune's visits keeps their identifiers, whatever their
    /// tours and dates (docs/season-format.md, "Identifiants des soirées").
    static func identifier(_ season: String, _ insee: String, _ n: Int) -> String {
        [slug(season), insee.lowercased(), String(n)].joined(separator: "-")
    }

    /// Lower-case ASCII letters and digits joined by single hyphens ("Fin d'été" → "fin-d-ete").
    public static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "fr_FR"))
        var result = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, !result.hasSuffix("-") {
                result += "-"
            }
        }
        return result.hasSuffix("-") ? String(result.dropLast()) : result
    }

    private static func summary(_ compiled: SeasonProblem, _ solution: Solution, _ events: [PlannedEvent]) -> PlanSummary {
        let season = compiled.season
        var km = 0.0
        var cost = 0.0
        var co2 = 0.0
        for route in solution.routes {
            let vehicle = season.vehicles[compiled.tourVehicle[route.vehicle]]
            let drive = driving(route, compiled)
            let routeKm = drive.legs.reduce(drive.returnKm) { $0 + $1.km }
            km += routeKm
            cost += routeKm * vehicle.costPerKm
            co2 += routeKm * vehicle.co2KgPerKm
        }
        return PlanSummary(
            evenings: events.count, eveningsWanted: season.tours.reduce(0) { $0 + $1.evenings },
            communesServed: Set(events.map(\.insee)).count, communes: season.communes.count,
            km: km, cost: cost, co2Kg: co2)
    }

}
