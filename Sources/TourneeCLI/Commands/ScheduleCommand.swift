import CommandLineSupport
import Foundation
import Operations
import Store

/// `tournee schedule import PLAN.json`: puts a plan's season, communes and evenings in the database.
public struct ScheduleCommand: Command {
    public static let name = "schedule"
    public static let summary = "importe un plan (plan.json) dans la base, sans toucher aux soirées confirmées"
    public static let help = """
        Usage : tournee schedule import PLAN.json [--by NOM] [--db FICHIER] [--config FICHIER]

        Importe la saison, les communes (avec le contact de leur mairie) et les soirées du plan.
        Importer deux fois le même plan ne change rien. Un nouveau plan met à jour les soirées
        encore proposées et ne touche jamais aux soirées confirmées, faites ou annulées.
        Affiche le nombre de soirées ajoutées, mises à jour, inchangées, gardées (confirmées,
        faites ou annulées que le plan voudrait changer) et absentes du plan (encore proposées :
        à annuler avec « tournee event cancel » si besoin).

        Options :
          --by NOM          qui importe, pour l'historique (défaut : $USER)
        \(DatabaseAccess.help)
          -h, --help        affiche cette aide
        """
    public static let spec = ArgumentSpec(options: DatabaseAccess.options + [.init("by")], positionals: ["ACTION", "PLAN.json"])

    let plan: String
    let by: String?
    let access: DatabaseAccess

    public init(_ arguments: ParsedArguments) throws(UsageError) {
        guard arguments.positionals[0] == "import" else {
            throw UsageError("action inconnue « \(arguments.positionals[0]) » (import)")
        }
        plan = arguments.positionals[1]
        by = arguments.value("by")
        access = DatabaseAccess(arguments)
    }

    public func run(_ context: CommandContext) -> ExitStatus {
        let text: String
        switch InputFile.read(plan, context: context) {
        case .success(let read): text = read
        case .failure(let failure): return failure.status
        }
        return access.withDatabase(context) { database in
            do {
                let imported = try PlanImport.parse(text, file: plan)
                let summary = try imported.apply(to: database, actor: DatabaseAccess.actor(by, context), at: DatabaseAccess.now(context))
                context.console.line(
                    "Plan importé dans la saison \(imported.season.id) : \(summary.inserted.count) ajoutées, \(summary.updated.count) mises à jour, \(summary.unchanged.count) inchangées, \(summary.kept.count) gardées, \(summary.missing.count) absentes du plan"
                )
                for id in summary.kept { context.console.line("gardée (déjà confirmée, faite ou annulée) : \(id)") }
                for id in summary.missing { context.console.line("absente du plan, toujours proposée : \(id)") }
                return .success
            } catch {
                return DatabaseAccess.report(error, path: database.path, context: context)
            }
        }
    }
}
