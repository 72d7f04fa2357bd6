import CommandLineSupport
import Foundation
import Planning
import TextFormats

/// `tournee plan` never writes over a `plan.json` whose confirmed or done evenings the new plan
/// would lose: the confirmations a planner made in the file, or kept there by an earlier
/// `--keep`. Refusals exit 73 (the output cannot be written without losing them).
enum PlanOverwrite {
    /// The confirmed and done evenings of the plan already at `url` (none when there is no file),
    /// or the status after saying why it cannot be read as a plan.
    static func fixedEvents(at url: URL, shown: String, context: CommandContext) -> Result<[PlanDocument.EventPart], ExitStatusError> {
        guard FileManager.default.fileExists(atPath: url.path) else { return .success([]) }
        guard let text = try? TextFile.read(path: url.path, limit: SeasonLoader.maximumFileSize),
            let fixed = PlanFile.fixedEvents(text, file: shown)
        else {
            context.console.error(
                "\(shown) : un plan existe déjà mais ne se lit pas comme un plan ; rien n'a été écrit : corrigez-le (tournee check), déplacez-le ou donnez --out DOSSIER"
            )
            return .failure(ExitStatusError(status: .cannotCreate))
        }
        return .success(fixed)
    }

    /// The evenings of `fixed` that `plan` does not hold as they were: same id, date and status.
    static func lost(_ fixed: [PlanDocument.EventPart], by plan: Plan) -> [PlanDocument.EventPart] {
        fixed.filter { old in !plan.events.contains { $0.id == old.id && $0.date == old.date && $0.status == old.status } }
    }

    /// Says which evenings would be lost and how to keep them; returns 73.
    static func refuse(_ lost: [PlanDocument.EventPart], shown: String, season: String, slug: String, context: CommandContext)
        -> ExitStatus
    {
        for event in lost {
            let status = event.status == .done ? "faite" : "confirmée"
            context.console.error("\(shown):\(event.line): soirée \(event.id) du \(event.date) : \(status), elle serait perdue")
        }
        context.console.error(
            "\(shown) : rien n'a été écrit ; replanifiez en gardant ces soirées : tournee plan \(season) --keep \(shown), ou, quand la saison \(slug) est dans la base, depuis la base : tournee plan \(season) --db BASE, puis --apply pour l'appliquer"
        )
        return .cannotCreate
    }
}
