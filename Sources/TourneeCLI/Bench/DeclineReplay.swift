import Planning

/// The re-plan benchmark: a season planned, every evening announced to its mairie, then one
/// decline at a time, each commune in turn (its first evening), each re-planned from the
/// announced plan, counting the other evenings the re-plan moves or withdraws.
struct DeclineReplay {
    /// One decline and its re-plan.
    struct Outcome {
        /// The evening declined.
        let declined: String
        /// Other announced evenings moved.
        let moved: Int
        /// Other announced evenings withdrawn.
        let withdrawn: Int
        /// Evenings added (the declined commune's new date among them).
        let added: Int
        /// Whether the re-plan put an evening of the commune on the date it declined.
        let reproposed: Bool
        /// Seconds the re-plan took.
        let seconds: Double
    }

    let planner: Planner

    /// Plans `season`, then declines and re-plans once per commune with an evening.
    func run(_ season: Season) throws(PlanningError) -> (plan: Plan, outcomes: [Outcome]) {
        let plan = try planner.plan(season, seasonSlug: season.slug)
        let announced = PlanBasis(evenings: plan, announced: true)
        var outcomes: [Outcome] = []
        for commune in season.communes {
            guard let first = plan.events.first(where: { $0.insee == commune.insee }) else { continue }
            var basis = announced
            basis.standing.removeAll { $0.id == first.id }
            basis.declined = [DeclinedDate(id: first.id, insee: first.insee, date: first.date)]
            let stopwatch = Stopwatch()
            let replan = try planner.plan(season, seasonSlug: season.slug, basis: basis)
            let seconds = stopwatch.seconds
            let changes = PlanChanges(of: replan)
            outcomes.append(
                Outcome(
                    declined: first.id, moved: changes.announced(.moved), withdrawn: changes.announced(.withdrawn),
                    added: changes.changes(.added).count,
                    reproposed: replan.events.contains { $0.insee == first.insee && $0.date == first.date }, seconds: seconds))
        }
        return (plan, outcomes)
    }
}
