import CivilTime
import TextFormats

/// `plan.json`: the complete plan, stable (sorted keys, events by date), read back for re-planning.
public enum PlanJSON {
    /// The host commune as the store and the daemon need it: who to write to, where to go.
    private static func commune(_ insee: String, name: String, in season: Season) -> JSONOutput {
        var fields: [String: JSONOutput] = ["insee": .string(insee), "name": .string(name)]
        if let commune = season.communes.first(where: { $0.insee == insee }) {
            fields["population"] = .integer(commune.population)
            fields["lat"] = .number(commune.coordinate.latitude, decimals: 5)
            fields["lon"] = .number(commune.coordinate.longitude, decimals: 5)
            fields["hasCafe"] = commune.hasCafe.map(JSONOutput.bool) ?? .null
            fields["place"] = commune.place.map(JSONOutput.string) ?? .null
            fields["mairie"] =
                commune.mairie.map { mairie in
                    .object(["name": mairie.name.map(JSONOutput.string) ?? .null, "email": .string(mairie.email)])
                } ?? .null
        }
        return .object(fields)
    }

    /// The plan as JSON text. Same plan, same bytes.
    public static func render(_ plan: Plan) -> String {
        JSONOutput.object([
            "season": seasonPart(plan),
            "solver": .object([
                "quality": quality(plan),
                "iterations": .integer(plan.iterations),
                "objective": .number(plan.objective.total, decimals: 2),
                "objectiveParts": .object([
                    "driving": .number(plan.objective.driving, decimals: 2),
                    "missedVisits": .number(plan.objective.missedVisits, decimals: 2),
                    "preferredEvenings": .number(plan.objective.preferredEvenings, decimals: 2),
                    "stability": .number(plan.objective.stability, decimals: 2),
                ]),
                "nodes": plan.nodes.map(JSONOutput.integer) ?? .null,
            ]),
            "summary": summary(plan.summary),
            "events": .array(plan.events.map { event($0, in: plan.season) }),
            "explanations": .array(plan.explanations.map(explanation)),
            "warnings": .array(plan.warnings.map(warning)),
        ]).rendered()
    }

    /// The season the plan is for: its identity (the prefix of every event id), dates and zone.
    private static func seasonPart(_ plan: Plan) -> JSONOutput {
        let season = plan.season
        return .object([
            "name": .string(season.name),
            "slug": .string(plan.seasonSlug),
            "seed": .number(String(season.seed)),
            "period": .object(["from": .string(season.period.first.description), "to": .string(season.period.last.description)]),
            "timeZone": .string("Europe/Paris"),
        ])
    }

    /// Whether the plan is proven optimal, else the lower bound and the gap to it when known.
    private static func quality(_ plan: Plan) -> JSONOutput {
        switch plan.quality {
        case .provenOptimal: return .object(["status": .string("optimal")])
        case .heuristic(let bound):
            return .object([
                "status": .string("heuristic"), "lowerBound": bound.map { .number($0, decimals: 2) } ?? .null,
                "gap": bound.map { .number(plan.objective.total - $0, decimals: 2) } ?? .null,
            ])
        }
    }

    private static func summary(_ summary: PlanSummary) -> JSONOutput {
        .object([
            "evenings": .integer(summary.evenings),
            "eveningsWanted": .integer(summary.eveningsWanted),
            "communesServed": .integer(summary.communesServed),
            "communes": .integer(summary.communes),
            "km": .number(summary.km, decimals: 1),
            "cost": .number(summary.cost, decimals: 2),
            "co2Kg": .number(summary.co2Kg, decimals: 1),
        ])
    }

    /// One evening, its times as the instants Paris clocks show (an end past midnight on the next day).
    private static func event(_ event: PlannedEvent, in season: Season) -> JSONOutput {
        .object([
            "id": .string(event.id),
            "date": .string(event.date.description),
            "start": .string(ParisTime.iso8601(on: event.date, at: event.start)),
            "end": .string(ParisTime.iso8601(on: event.end <= event.start ? event.date.adding(days: 1) : event.date, at: event.end)),
            "commune": commune(event.insee, name: event.communeName, in: season),
            "vehicle": .string(event.vehicle),
            "vehicleName": .string(season.vehicle(id: event.vehicle)?.name ?? event.vehicle),
            "tour": .string(event.tour),
            "status": .string(event.status.rawValue),
            "from": .string(event.from),
            "km": .number(event.km, decimals: 1),
            "minutes": .integer(Int(event.minutes.rounded())),
            "preferredEvening": .bool(event.isPreferredEvening),
        ])
    }

    private static func explanation(_ explanation: PlanExplanation) -> JSONOutput {
        .object([
            "insee": .string(explanation.insee),
            "name": .string(explanation.name),
            "wanted": .integer(explanation.wanted),
            "planned": .integer(explanation.planned),
            "reasons": .array(explanation.reasons.map(JSONOutput.string)),
            "unmetPreferences": .array(explanation.unmetPreferences.map(JSONOutput.string)),
            "text": .string(explanation.text),
        ])
    }

    private static func warning(_ warning: PlanWarning) -> JSONOutput {
        .object([
            "kind": .string(warning.kind.rawValue),
            "date": warning.date.map { .string($0.description) } ?? .null,
            "event": warning.eventID.map(JSONOutput.string) ?? .null,
            "text": .string(warning.text),
        ])
    }
}
