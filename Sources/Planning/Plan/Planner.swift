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

    /// Branch-and-bound nodes the exact method may explore before it settles for its best
    /// plan and a bound; fixed, like `iterations`, so the result does not depend on the machine.
    public var nodeLimit: Int

    /// The default iteration count.
    public static let defaultIterations = 2_000
    /// The default node limit.
    public static let defaultNodeLimit = 20_000

    /// Creates a planner.
    public init(iterations: Int = Planner.defaultIterations, threads: Int = 1, nodeLimit: Int = Planner.defaultNodeLimit) {
        self.iterations = iterations
        self.threads = threads
        self.nodeLimit = nodeLimit
    }

    /// Plans `season` from `basis` (nothing for a first plan): its kept events where they are,
    /// its standing evenings where they are unless moving them is worth their bonus; an evening
    /// that moves keeps its identifier. `seasonSlug` prefixes identifiers. A season whose
    /// vehicles all return to base is solved exactly (`AssignmentSearch`); one with a vehicle
    /// that goes straight on by the routing search, bounded by `SeasonBound`.
    public func plan(_ season: Season, seasonSlug: String, basis: PlanBasis = PlanBasis()) throws(PlanningError) -> Plan {
        let compiled = try SeasonProblem(season: season, basis: basis)
        let calendar = EveningCalendar(season: season)
        let preferred = PreferredEvenings(season: season, calendar: calendar)
        let found: Found
        if EveningAssignment.applies(to: season) {
            found = try assign(compiled, calendar: calendar, preferred: preferred)
        } else if let parts = SeasonParts(season) {
            found = try split(parts, into: compiled)
        } else {
            found = try route(compiled, preferred: preferred)
        }
        let events = Self.events(compiled, found.drafts, seasonSlug: seasonSlug, preferred: preferred)
        let summary = Self.summary(compiled, found, events)
        let objective = PlanObjective.of(
            events, season: season, drivingCost: summary.cost, basis: basis, stabilityPenalty: compiled.stabilityPenalty,
            calendar: calendar)
        let explanations = PlanExplainer(
            compiled: compiled, events: events, calendar: calendar, preferred: preferred, unassigned: found.unassigned,
            isOptimal: found.isOptimal
        ).explanations()
        let warnings = PlanWarnings(season: season, compiled: compiled, events: events).all()
        let quality: PlanQuality
        if found.isOptimal || (found.bound.map { objective.total <= $0 + 1e-6 } ?? false) {
            quality = .provenOptimal
        } else {
            quality = .heuristic(lowerBound: found.bound.map { min($0, objective.total) })
        }
        return Plan(
            season: season, seasonSlug: seasonSlug, events: events, summary: summary, explanations: explanations,
            warnings: warnings, quality: quality, objective: objective, iterations: found.nodes == nil ? iterations : 0,
            basis: basis, stabilityPenalty: compiled.stabilityPenalty, nodes: found.nodes)
    }

    /// What a planning method found: the evenings, the kilometres driven home between them,
    /// and how good it is known to be.
    struct Found {
        var drafts: [EventDraft] = []
        /// Kilometres back to base not counted in the drafts (straight on), by tour.
        var returnKm: [Int: Double] = [:]
        /// The routing engine's verdicts on the visits it left out.
        var unassigned: [UnassignedJob] = []
        /// Whether the plan is proven optimal.
        var isOptimal = false
        /// A lower bound on the documented objective of every plan filling as many evenings.
        var bound: Double?
        /// Nodes the exact method explored (nil for the routing search).
        var nodes: Int?
    }

    /// An evening as a method placed it, before it gets its identifier.
    struct EventDraft {
        let date: CivilDate
        let tour: Int
        let commune: Int
        let from: String
        let km: Double
        let minutes: Double
        let kept: KeptEvent?
        let standing: StandingEvening?
    }

    /// The exact method: every evening a round trip, the season an assignment.
    private func assign(_ compiled: SeasonProblem, calendar: EveningCalendar, preferred: PreferredEvenings) throws(PlanningError)
        -> Found
    {
        let season = compiled.season
        let assignment = try EveningAssignment(compiled, calendar: calendar, preferred: preferred)
        var chosen: [Int] = []
        var found = Found(isOptimal: true, bound: assignment.constant, nodes: 0)
        for (part, origin) in assignment.parts() {
            let outcome = AssignmentSearch(assignment: part, nodeLimit: nodeLimit).run()
            chosen += outcome.chosen.map { origin[$0] }
            found.isOptimal = found.isOptimal && outcome.isOptimal
            found.bound = outcome.bound.flatMap { bound in found.bound.map { $0 + bound } }
            found.nodes? += outcome.nodes
        }
        let standing = Dictionary(
            compiled.basis.standing.map { ("\($0.insee)|\($0.tour)|\($0.date)", $0) }, uniquingKeysWith: { a, _ in a })
        for kept in assignment.kept {
            let base = season.vehicles[compiled.tourVehicle[kept.tour]].base.name
            found.drafts.append(
                EventDraft(
                    date: kept.event.date, tour: kept.tour, commune: kept.commune, from: base, km: kept.km, minutes: kept.minutes,
                    kept: kept.event, standing: nil))
        }
        for index in chosen {
            let candidate = assignment.candidates[index]
            let tour = season.tours[candidate.tour]
            found.drafts.append(
                EventDraft(
                    date: candidate.date, tour: candidate.tour, commune: candidate.commune,
                    from: season.vehicles[candidate.vehicle].base.name, km: candidate.km, minutes: candidate.minutes, kept: nil,
                    standing: standing["\(season.communes[candidate.commune].insee)|\(tour.name)|\(candidate.date)"]))
        }
        return found
    }

    /// Each part by its own method, the evenings then named in the whole season's terms.
    private func split(_ parts: SeasonParts, into whole: SeasonProblem) throws(PlanningError) -> Found {
        let season = whole.season
        let exact = try SeasonProblem(season: parts.exact, basis: SeasonParts.basis(whole.basis, for: parts.exact))
        let routed = try SeasonProblem(season: parts.routed, basis: SeasonParts.basis(whole.basis, for: parts.routed))
        let exactCalendar = EveningCalendar(season: parts.exact)
        let found = [
            try assign(exact, calendar: exactCalendar, preferred: PreferredEvenings(season: parts.exact, calendar: exactCalendar)),
            try route(routed, preferred: PreferredEvenings(season: parts.routed, calendar: EveningCalendar(season: parts.routed))),
        ]
        let tourIndex = Dictionary(uniqueKeysWithValues: season.tours.enumerated().map { ($0.element.name, $0.offset) })
        let communeIndex = Dictionary(uniqueKeysWithValues: season.communes.enumerated().map { ($0.element.insee, $0.offset) })
        var merged = Found(isOptimal: found.allSatisfy(\.isOptimal), nodes: found[0].nodes)
        for (part, result) in zip([parts.exact, parts.routed], found) {
            for draft in result.drafts {
                merged.drafts.append(
                    EventDraft(
                        date: draft.date, tour: tourIndex[part.tours[draft.tour].name]!,
                        commune: communeIndex[part.communes[draft.commune].insee]!, from: draft.from, km: draft.km,
                        minutes: draft.minutes, kept: draft.kept, standing: draft.standing))
            }
            for (tour, km) in result.returnKm { merged.returnKm[tourIndex[part.tours[tour].name]!] = km }
        }
        // The routing part's verdicts name its own jobs: the explanations do without them.
        let bounds = found.compactMap(\.bound)
        merged.bound = bounds.count == found.count ? bounds.reduce(0, +) : nil
        return merged
    }

    /// The routing search, for a season with a vehicle that goes straight on.
    private func route(_ compiled: SeasonProblem, preferred: PreferredEvenings) throws(PlanningError) -> Found {
        let searched = Solver.solve(
            compiled.problem, options: SolverOptions(seed: compiled.season.seed, iterationLimit: iterations, threads: threads))
        let solution = StraightOnDates(compiled: compiled, preferred: preferred).improve(searched)
        if let missing = solution.unassigned.first(where: { compiled.problem.jobs[$0.job].isMandatory }) {
            let event = compiled.jobs[missing.job].kept!
            throw .keptPlan(EveningAssignment.refusal(of: event))
        }
        // The routing engine's own proof (its exact method on the smallest problems) holds for
        // its model, which chains every stop to the next whatever the days between; the vehicle
        // goes home between evenings that do not follow, so only the bound proves a plan here.
        var found = Found(unassigned: solution.unassigned, isOptimal: false)
        for route in solution.routes {
            let drive = Self.driving(route, compiled)
            found.returnKm[route.vehicle] = drive.returnKm
            for leg in drive.legs {
                let meaning = compiled.jobs[leg.job]
                found.drafts.append(
                    EventDraft(
                        date: leg.date, tour: route.vehicle, commune: meaning.commune, from: leg.from, km: leg.km, minutes: leg.minutes,
                        kept: meaning.kept, standing: meaning.standing))
            }
        }
        let filled = found.drafts.count
        found.bound = SeasonBound.lowerBound(of: compiled, filling: filled, preferred: preferred)
        return found
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
            } else if previous != base, let previousDate, vehicle.travel.chains(previousDate, to: date) {
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

    private static func events(
        _ compiled: SeasonProblem, _ placed: [EventDraft], seasonSlug: String, preferred: PreferredEvenings
    ) -> [PlannedEvent] {
        let season = compiled.season
        let drafts = placed.sorted { ($0.date, $0.tour) < ($1.date, $1.tour) }
        let held = Set(drafts.compactMap { $0.standing?.id })
        // A standing evening not held at its date moves to its commune's first new evening.
        var movable = Dictionary(
            grouping: compiled.basis.standing.filter { !held.contains($0.id) }.sorted { ($0.date, $0.id) < ($1.date, $1.id) },
            by: \.insee)
        var usedIDs = compiled.basis.reservedIDs.union(compiled.basis.standing.map(\.id)).union(compiled.basis.kept.map(\.id))
        return drafts.map { draft in
            let commune = season.communes[draft.commune]
            let tour = season.tours[draft.tour]
            let id: String
            if let kept = draft.kept {
                id = kept.id
            } else if let standing = draft.standing {
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
                status: draft.kept?.status ?? .proposed, from: draft.from, km: draft.km, minutes: draft.minutes,
                isPreferredEvening: preferred.contains(draft.date, insee: commune.insee, tour: tour.name))
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

    private static func summary(_ compiled: SeasonProblem, _ found: Found, _ events: [PlannedEvent]) -> PlanSummary {
        let season = compiled.season
        var km = 0.0
        var cost = 0.0
        var co2 = 0.0
        var driven: [Int: Double] = found.returnKm
        for draft in found.drafts { driven[draft.tour, default: 0] += draft.km }
        for (tour, tourKm) in driven {
            let vehicle = season.vehicles[compiled.tourVehicle[tour]]
            km += tourKm
            cost += tourKm * vehicle.costPerKm
            co2 += tourKm * vehicle.co2KgPerKm
        }
        return PlanSummary(
            evenings: events.count, eveningsWanted: season.tours.reduce(0) { $0 + $1.evenings },
            communesServed: Set(events.map(\.insee)).count, communes: season.communes.count,
            km: km, cost: cost, co2Kg: co2)
    }
}
