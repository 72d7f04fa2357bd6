import CivilTime

/// The documented objective of a plan, in euros, broken down (docs/season-format.md,
/// « L'objectif ») — what every planning method minimises, what the plan prints, and what
/// its bound and gap are measured in:
///
///     driving + missed visits − preferred evenings + stability
///
/// - driving: the kilometres as driven (returns to base included) × each vehicle's cost per km;
/// - missed visits: for each commune, `missedVisitPenalty` × its factors (no café, small
///   village) × the visits it wanted (`min_visits`) and did not get; a visit beyond
///   `min_visits` has no value of its own;
/// - preferred evenings: `preferredDateBonus` for each evening on one of its commune's
///   preferred dates or on a preferred kind of day, whatever the visit's rank;
/// - stability (re-planning only): for each proposed evening the plan started from that it
///   moves or withdraws, the stability penalty once its mairie was told, 1 € before.
///
/// Among plans, filling every evening the tours ask for comes first (a tour does its evenings
/// when the rules allow it); the objective ranks the plans that fill as many.
public struct PlanObjective: Sendable, Hashable {
    /// Cost of the kilometres driven.
    public let driving: Double
    /// Penalties of the wanted visits not planned.
    public let missedVisits: Double
    /// Bonuses of the evenings on a preferred date or day (subtracted).
    public let preferredEvenings: Double
    /// Penalties of the standing evenings moved or withdrawn.
    public let stability: Double

    /// The objective: `driving + missedVisits − preferredEvenings + stability`.
    public var total: Double { driving + missedVisits - preferredEvenings + stability }

    /// Makes a breakdown.
    public init(driving: Double, missedVisits: Double, preferredEvenings: Double, stability: Double) {
        self.driving = driving
        self.missedVisits = missedVisits
        self.preferredEvenings = preferredEvenings
        self.stability = stability
    }

    /// What one visit of `commune` is worth, up to its `min_visits`: the missed-visit penalty
    /// times the no-café and small-village factors.
    public static func visitValue(of commune: Commune, weights: ObjectiveWeights) -> Double {
        var factor = 1.0
        if commune.hasCafe == false { factor *= weights.noCafeFactor }
        if commune.population < weights.smallVillagePopulation { factor *= weights.smallVillageFactor }
        return weights.missedVisitPenalty * factor
    }

    /// What a standing evening is worth at its date: the stability penalty once announced,
    /// a token euro (at most the penalty) before.
    public static func stabilityBonus(of evening: StandingEvening, penalty: Double) -> Double {
        evening.isAnnounced ? penalty : min(penalty, unannouncedStabilityBonus)
    }

    /// The bonus of a standing evening not yet announced, in euros: it moves for any saving
    /// above that, but a re-plan with nothing new to place leaves it where it is.
    public static let unannouncedStabilityBonus = 1.0

    /// The objective of `events` for `season`, driven at `drivingCost`, planned from `basis`.
    /// O(events + communes + standing evenings).
    public static func of(
        _ events: [PlannedEvent], season: Season, drivingCost: Double, basis: PlanBasis, stabilityPenalty: Double,
        calendar: EveningCalendar
    ) -> PlanObjective {
        let visits = Dictionary(grouping: events, by: \.insee)
        var missed = 0.0
        for commune in season.communes {
            let short = commune.minVisits - (visits[commune.insee]?.count ?? 0)
            if short > 0 { missed += Double(short) * visitValue(of: commune, weights: season.objective) }
        }
        let preferred = PreferredEvenings(season: season, calendar: calendar)
        let bonus = Double(events.filter { preferred.contains($0.date, insee: $0.insee, tour: $0.tour) }.count)
        let held = Set(events.map { HeldKey(insee: $0.insee, tour: $0.tour, date: $0.date) })
        let stability = basis.standing.filter { !held.contains(HeldKey(insee: $0.insee, tour: $0.tour, date: $0.date)) }
            .reduce(0.0) { $0 + stabilityBonus(of: $1, penalty: stabilityPenalty) }
        return PlanObjective(
            driving: drivingCost, missedVisits: missed, preferredEvenings: bonus * season.objective.preferredDateBonus,
            stability: stability)
    }

    private struct HeldKey: Hashable {
        let insee: String
        let tour: String
        let date: CivilDate
    }
}
