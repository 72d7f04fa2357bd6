import TextFormats

/// A re-plan's change set as `tournee plan SAISON --db` prints it: the stability penalty, one
/// line per evening (kept, moved old date → new date, added, withdrawn) with its reason, then
/// the counts and how many evenings already announced to their mairie move or go.
public enum PlanChangesTable {
    /// The French words of each kind, as the lines and the counts say them.
    private static func word(_ kind: PlanChanges.Kind) -> (line: String, singular: String, plural: String) {
        switch kind {
        case .kept: ("gardée  ", "gardée", "gardées")
        case .moved: ("déplacée", "déplacée", "déplacées")
        case .added: ("ajoutée ", "ajoutée", "ajoutées")
        case .withdrawn: ("retirée ", "retirée", "retirées")
        }
    }

    /// The text, one line each, ending with a newline. O(changes).
    public static func render(_ changes: PlanChanges, plan: Plan) -> String {
        let penalty = JSONOutput.fixed(changes.stabilityPenalty, decimals: 0)
        var lines = [
            "Pénalité de stabilité : \(penalty) € par soirée annoncée à sa mairie déplacée ou retirée"
                + (plan.season.objective.stabilityPenalty == nil
                    ? " (par défaut : plus que ce qu'un déplacement peut faire gagner en kilomètres)" : "")
        ]
        for change in changes.changes {
            var when: String
            switch (change.before, change.after) {
            case (let before?, let after?) where before != after:
                when = "\(before.date) → \(after.date)"
                if before.tour != after.tour { when += " (« \(before.tour) » → « \(after.tour) »)" }
            case (_, let placement?), (let placement?, nil):
                when = placement.date.description
            case (nil, nil):
                when = ""
            }
            let announced = change.isAnnounced && (change.kind == .moved || change.kind == .withdrawn) ? "annoncée à la mairie ; " : ""
            lines.append("\(word(change.kind).line)  \(change.id)  \(when)  \(change.communeName) — \(announced)\(change.reason)")
        }
        let counts = PlanChanges.Kind.allCases.map { kind in
            let count = changes.changes(kind).count
            return "\(count) \(count > 1 ? word(kind).plural : word(kind).singular)"
        }
        lines.append("Bilan : " + counts.joined(separator: ", "))
        lines.append(
            "Soirées déjà annoncées aux mairies : \(changes.announced(.moved)) déplacée\(changes.announced(.moved) > 1 ? "s" : ""), "
                + "\(changes.announced(.withdrawn)) retirée\(changes.announced(.withdrawn) > 1 ? "s" : "")")
        let summary = plan.summary
        lines.append(
            "Nouveau plan : \(summary.evenings) soirées sur \(summary.eveningsWanted), \(summary.communesServed) communes sur \(summary.communes), "
                + "\(JSONOutput.fixed(summary.km, decimals: 0)) km")
        return lines.joined(separator: "\n") + "\n"
    }
}
