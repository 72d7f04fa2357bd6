import Foundation
import SeasonVocabulary
import TextFormats

/// The plan as a readable terminal table with its summary, explanations and warnings.
public enum PlanTable {
    /// The text, ending with a newline.
    public static func render(_ plan: Plan) -> String {
        var lines: [String] = []
        let quality: String
        switch plan.quality {
        case .provenOptimal: quality = "optimal prouvé"
        case .heuristic(let bound?):
            quality =
                "résultat heuristique, au plus \(JSONOutput.fixed(plan.objective.total - bound, decimals: 2)) € de plus que le meilleur plan possible"
        case .heuristic(nil):
            quality =
                plan.nodes.map { "résultat heuristique (\($0) nœuds explorés)" } ?? "résultat heuristique (\(plan.iterations) itérations)"
        }
        lines.append("Plan de « \(plan.season.name) » — graine \(plan.season.seed), \(quality)")
        lines.append("")
        let rows = plan.events.map { event in
            [
                event.date.description, event.date.weekday.frenchName, "\(event.start)–\(event.end)", event.tour,
                "\(event.communeName) (\(event.insee))", JSONOutput.fixed(event.km, decimals: 1), event.from, statusText(event.status),
                event.isPreferredEvening ? "oui" : "",
            ]
        }
        let (kmHeader, kmNote) = kmColumn(plan)
        let header = ["Date", "Jour", "Heures", "Tournée", "Commune", kmHeader, "Depuis", "Statut", "Date préférée"]
        let rightAligned: Set<Int> = [5]
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func format(_ row: [String]) -> String {
            row.indices.map { column in
                let padding = String(repeating: " ", count: widths[column] - row[column].count)
                return rightAligned.contains(column) ? padding + row[column] : row[column] + padding
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        lines.append(format(header))
        lines.append(format(widths.map { String(repeating: "─", count: $0) }))
        lines.append(contentsOf: rows.map(format))
        if let kmNote { lines.append(kmNote) }
        let summary = plan.summary
        lines.append("")
        lines.append(
            "\(summary.evenings) soirées sur \(summary.eveningsWanted), \(summary.communesServed) communes sur \(summary.communes), "
                + "\(JSONOutput.fixed(summary.km, decimals: 0)) km, \(JSONOutput.fixed(summary.cost, decimals: 2)) €, "
                + "\(JSONOutput.fixed(summary.co2Kg, decimals: 0)) kg de CO2")
        lines.append(objectiveLine(plan.objective))
        if !plan.explanations.isEmpty {
            lines.append("")
            lines.append("Communes moins visitées que voulu, ou sans leur date préférée :")
            lines.append(contentsOf: plan.explanations.map { "- " + $0.text })
        }
        if !plan.warnings.isEmpty {
            lines.append("")
            lines.append("Avertissements :")
            lines.append(contentsOf: plan.warnings.map { "- " + $0.text })
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The objective broken down (docs/season-format.md, « L'objectif »).
    static func objectiveLine(_ objective: PlanObjective) -> String {
        func euros(_ value: Double) -> String { JSONOutput.fixed(value, decimals: 2) + " €" }
        var line = "Objectif : \(euros(objective.total)) = \(euros(objective.driving)) de route"
        line += " + \(euros(objective.missedVisits)) de visites manquées − \(euros(objective.preferredEvenings)) de dates préférées"
        if objective.stability > 0 { line += " + \(euros(objective.stability)) de soirées déplacées ou retirées" }
        return line
    }

    /// What the « Km » column counts: a van that returns to base every night drives there and
    /// back (« A/R »), one that goes straight on drives the leg from « Depuis »; a plan with both
    /// kinds of vehicle says it under the table.
    static func kmColumn(_ plan: Plan) -> (header: String, note: String?) {
        let vehicles = plan.season.vehiclesByID
        let policies = Set(plan.events.compactMap { vehicles[$0.vehicle]?.travel })
        switch (policies.contains(.returnToBase), policies.contains(.straightOn)) {
        case (true, false): return ("Km A/R", nil)
        case (false, true): return ("Km trajet", nil)
        case (true, true):
            return (
                "Km",
                "Km : aller et retour depuis la base pour les véhicules qui y rentrent chaque soir, trajet depuis « Depuis » pour les autres."
            )
        case (false, false): return ("Km", nil)
        }
    }

    private static func statusText(_ status: EventStatus) -> String {
        switch status {
        case .proposed: "proposé"
        case .confirmed: "confirmé"
        case .cancelled: "annulé"
        case .done: "fait"
        case .withdrawn: "retiré"
        case .declined: "refusé"
        }
    }
}
