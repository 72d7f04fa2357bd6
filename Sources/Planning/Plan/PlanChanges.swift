import CivilTime

/// What a re-plan changes, evening by evening, against the evenings it started from (its
/// basis): kept, moved (same identifier, another date, tour or vehicle), added, withdrawn, each
/// with its reason in French.
public struct PlanChanges: Sendable {
    /// What happens to one evening.
    public enum Kind: String, Sendable, CaseIterable {
        case kept, moved, added, withdrawn
    }

    /// Where an evening takes place.
    public struct Placement: Sendable, Hashable {
        /// The date.
        public let date: CivilDate
        /// The tour's name.
        public let tour: String
        /// The vehicle's identifier ("" when the tour is no longer in the season).
        public let vehicle: String
    }

    /// One evening's change.
    public struct Change: Sendable, Hashable {
        /// Kept, moved, added or withdrawn.
        public let kind: Kind
        /// The evening's identifier (a moved evening keeps its own).
        public let id: String
        /// The commune's INSEE code.
        public let insee: String
        /// The commune's name (its code when it is no longer in the season).
        public let communeName: String
        /// Where it was; nil when added.
        public let before: Placement?
        /// Where it goes; nil when withdrawn.
        public let after: Placement?
        /// Whether its mairie had been told of it (a confirmed or done evening always was).
        public let isAnnounced: Bool
        /// Why, in French.
        public let reason: String
    }

    /// The changes, by date (the new one, else the old one), then identifier.
    public let changes: [Change]
    /// The stability penalty the plan was made with, in euros.
    public let stabilityPenalty: Double

    /// The changes of one kind.
    public func changes(_ kind: Kind) -> [Change] { changes.filter { $0.kind == kind } }

    /// How many evenings already announced to their mairie change kind `kind`.
    public func announced(_ kind: Kind) -> Int { changes.count { $0.kind == kind && $0.isAnnounced } }

    /// Compares `plan` with the evenings it started from. O(events × (events + days)).
    public init(of plan: Plan) {
        let season = plan.season
        let basis = plan.basis
        let reasons = Reasons(plan: plan)
        let planned = Dictionary(plan.events.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var found: [Change] = []
        func placement(_ event: PlannedEvent) -> Placement { Placement(date: event.date, tour: event.tour, vehicle: event.vehicle) }
        func placement(_ date: CivilDate, _ tour: String) -> Placement {
            Placement(date: date, tour: tour, vehicle: season.tours.first { $0.name == tour }?.vehicleID ?? "")
        }
        for event in basis.kept {
            found.append(
                Change(
                    kind: .kept, id: event.id, insee: event.insee, communeName: reasons.name(event.insee),
                    before: placement(event.date, event.tour), after: planned[event.id].map(placement), isAnnounced: true,
                    reason: event.status == .done ? "faite" : "confirmée par la mairie"))
        }
        for event in basis.standing {
            let before = placement(event.date, event.tour)
            let after = planned[event.id].map(placement)
            let kind: Kind = after == nil ? .withdrawn : after == before ? .kept : .moved
            let reason =
                kind == .kept
                ? (event.isAnnounced ? "annoncée à la mairie, gardée à sa date" : "proposée, gardée à sa date")
                : reasons.left(event, before: before)
            found.append(
                Change(
                    kind: kind, id: event.id, insee: event.insee, communeName: reasons.name(event.insee), before: before,
                    after: after, isAnnounced: event.isAnnounced, reason: reason))
        }
        let known = Set(basis.kept.map(\.id) + basis.standing.map(\.id))
        var replaced = Set<String>()
        for event in plan.events where !known.contains(event.id) {
            found.append(
                Change(
                    kind: .added, id: event.id, insee: event.insee, communeName: event.communeName, before: nil,
                    after: placement(event), isAnnounced: false, reason: reasons.added(event, replaced: &replaced)))
        }
        changes = found.sorted { a, b in
            ((a.after ?? a.before)!.date, a.id) < ((b.after ?? b.before)!.date, b.id)
        }
        stabilityPenalty = plan.stabilityPenalty
    }

    /// The reasons of the changes, read from the season, the basis and the new plan.
    private struct Reasons {
        let plan: Plan
        let calendar: EveningCalendar

        init(plan: Plan) {
            self.plan = plan
            calendar = EveningCalendar(season: plan.season)
        }

        func name(_ insee: String) -> String { plan.season.communes.first { $0.insee == insee }?.name ?? insee }

        /// Why a standing evening left its date: its date is no longer allowed, another evening
        /// took its vehicle that evening, or the plan gains more than the stability bonus.
        func left(_ event: StandingEvening, before: Placement) -> String {
            let season = plan.season
            guard let commune = season.communes.first(where: { $0.insee == event.insee }) else {
                return "la commune n'est plus dans la saison"
            }
            guard let tour = season.tours.first(where: { $0.name == event.tour }) else {
                return "la tournée « \(event.tour) » n'est plus dans la saison"
            }
            if let exclusion = calendar.days(of: tour, for: commune).first(where: { $0.date == event.date })?.exclusion {
                return "le \(event.date) n'est plus permis : \(exclusion)"
            }
            if let taker = plan.events.first(where: { $0.date == event.date && $0.vehicle == before.vehicle && $0.id != event.id }) {
                return "le \(event.date), le véhicule « \(before.vehicle) » va à \(taker.communeName) (\(taker.id))"
            }
            if event.isAnnounced {
                return "le plan y gagne plus que la pénalité de stabilité (\(Int(plan.stabilityPenalty.rounded())) €)"
            }
            return "pas encore annoncée : le plan y gagne, sans pénalité"
        }

        /// Why an evening is added: it replaces a date its commune refused (each refusal once),
        /// or it is one of the visits the commune wants, or one more it accepts.
        func added(_ event: PlannedEvent, replaced: inout Set<String>) -> String {
            if let refusal = plan.basis.declined.sorted(by: { ($0.date, $0.id) < ($1.date, $1.id) })
                .first(where: { $0.insee == event.insee && !replaced.contains($0.id) })
            {
                replaced.insert(refusal.id)
                return "remplace la date refusée du \(refusal.date) (\(refusal.id))"
            }
            guard let commune = plan.season.communes.first(where: { $0.insee == event.insee }) else { return "nouvelle visite" }
            let visits = plan.events.count { $0.insee == event.insee }
            return visits <= commune.minVisits
                ? "visite voulue (au moins \(commune.minVisits)) pas encore planifiée"
                : "visite de plus (jusqu'à \(commune.maxVisits))"
        }
    }
}
