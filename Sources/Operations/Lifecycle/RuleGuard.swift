import Planning
import Store

/// Keeps a change to a season's evenings within the season's rules, inside the change's own
/// transaction: after the change is written, a breach no exception accepts that involves one
/// of the evenings written refuses the whole change, unless it is forced with a reason, which
/// is then kept in the history as an exception to that exact breach.
struct RuleGuard {
    let database: Database
    let seasonID: String
    /// The kept season; nil when none is kept (only one evening per vehicle is checked then).
    let season: Season?

    /// The breaches no exception accepts that involve one of `written`; every one when nil.
    func unaccepted(involving written: Set<String>?) throws -> [RuleBreach] {
        let breaches = try SeasonAudit.run(database, seasonID: seasonID, season: season, written: written ?? []).breaches
        guard let written else { return breaches }
        return breaches.filter { !written.isDisjoint(with: $0.eventIDs) }
    }

    /// Refuses `breaches` (`LifecycleError.rulesBroken`), or, when `force` gives the reason,
    /// records an exception for each on the evening written that it involves.
    func refuseOrAccept(_ breaches: [RuleBreach], written: Set<String>?, force: String?, actor: String, at now: Int64) throws {
        guard !breaches.isEmpty else { return }
        guard let force else { throw LifecycleError.rulesBroken(breaches) }
        for breach in breaches {
            let candidates = ([breach.eventID].compactMap { $0 }) + breach.eventIDs
            guard let event = candidates.first(where: { written?.contains($0) ?? true }) ?? candidates.first else { continue }
            try EventStore(database).recordException(eventID: event, key: breach.key, reason: force, actor: actor, at: now)
        }
    }

    /// `unaccepted(involving:)` then `refuseOrAccept`: the breaches accepted by force.
    @discardableResult
    func check(written: Set<String>, force: String?, actor: String, at now: Int64) throws -> [RuleBreach] {
        let breaches = try unaccepted(involving: written)
        try refuseOrAccept(breaches, written: written, force: force, actor: actor, at: now)
        return breaches
    }
}
