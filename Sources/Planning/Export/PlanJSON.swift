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
            fields["place"] = commune.notes.map(JSONOutput.string) ?? .null
            fields["mairie"] =
                commune.mairie.map { mairie in
                    .object(["name": mairie.name.map(JSONOutput.string) ?? .null, "email": .string(mairie.email)])
                } ?? .null
        }
        return .object(fields)
    }

    /// The plan as JSON text. Same plan, same bytes.
    public static func render(_ plan: Plan) -> String {
        let season = plan.season
        let events: [JSONOutput] = plan.events.map { event in
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
            ])
        }
        let summary = plan.summary
        let quality: JSONOutput
        switch plan.quality {
        case .provenOptimal: quality = .object(["status": .string("optimal")])
        case .heuristic(let bound):
            quality = .object([
                "status": .string("heuristic"), "lowerBound": bound.map { .number($0, decimals: 2) } ?? .null,
                "gap": bound.map { .number(plan.objective - $0, decimals: 2) } ?? .null,
            ])
        }
        return JSONOutput.object([
            "season": .object([
                "name": .string(season.name),
                "slug": .string(plan.seasonSlug),
                "seed": .number(String(season.seed)),
                "period": .object(["from": .string(season.period.first.description), "to": .string(season.period.last.description)]),
                "timeZone": .string("Europe/Paris"),
            ]),
            "solver": .object([
                "quality": quality,
                "iterations": .integer(plan.iterations),
                "objective": .number(plan.objective, decimals: 2),
            ]),
            "summary": .object([
                "evenings": .integer(summary.evenings),
                "eveningsWanted": .integer(summary.eveningsWanted),
                "communesServed": .integer(summary.communesServed),
                "communes": .integer(summary.communes),
                "km": .number(summary.km, decimals: 1),
                "cost": .number(summary.cost, decimals: 2),
                "co2Kg": .number(summary.co2Kg, decimals: 1),
            ]),
            "events": .array(events),
            "explanations": .array(
                plan.explanations.map { explanation in
                    .object([
                        "insee": .string(explanation.insee),
                        "name": .string(explanation.name),
                        "wanted": .integer(explanation.wanted),
                        "planned": .integer(explanation.planned),
                        "reasons": .array(explanation.reasons.map(JSONOutput.string)),
                        "text": .string(explanation.text),
                    ])
                }),
            "warnings": .array(
                plan.warnings.map { warning in
                    .object([
                        "kind": .string(warning.kind.rawValue),
                        "date": warning.date.map { .string($0.description) } ?? .null,
                        "event": warning.eventID.map(JSONOutput.string) ?? .null,
                        "text": .string(warning.text),
                    ])
                }),
        ]).rendered()
    }
}
