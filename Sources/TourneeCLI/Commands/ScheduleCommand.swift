import CommandLineSupport
import Foundation
import Operations
import Planning
import Store

/// `tournee schedule import PLAN.json`: puts a plan's season (its files too), communes and
/// evenings in the database, under the season's rules.
public struct ScheduleCommand: Command {
    public static let name = "schedule"
    public static let summary = "importe un plan et sa saison dans la base, sans toucher aux soirées confirmées"
    public static let help = """
        Usage : tournee schedule import PLAN.json [--season DOSSIER | --no-season]
                                       [--accept-season-change] [--force --reason TEXTE]
                                       [--by NOM] [--db FICHIER] [--config FICHIER]

        Importe la saison, les communes (avec le contact de leur mairie) et les soirées du plan.
        La base garde la saison telle qu'importée : le texte de season.json et des fichiers
        qu'il nomme (communes, vacances scolaires, distances), avec leur taille et une
        empreinte FNV-1a (non cryptographique : elle ne sert qu'à voir un changement). Le
        dossier de saison est celui au-dessus du plan (SAISON/plan/plan.json, là où « tournee
        plan » l'écrit), ou --season DOSSIER ; sans dossier, la saison déjà gardée s'applique.

        Importer deux fois le même plan ne change rien. Un nouveau plan met à jour les soirées
        encore proposées, retire (statut « withdrawn », avec l'historique) les soirées proposées
        qu'il n'a plus, et ne touche jamais aux soirées confirmées, faites ou annulées ; une
        soirée confirmée absente du plan est refusée (sauf --force).

        Refusé, sans rien changer (code 65), quand :
          - la saison a changé depuis le dernier import : affiche ce qui a changé (clés de
            season.json, communes ajoutées, retirées, modifiées) et ce que cela enfreint ;
            --accept-season-change l'accepte ;
          - une soirée importée enfreindrait une règle de la saison : au plus une soirée par
            véhicule et par soir, max_visits et l'écart minimal entre deux visites d'une
            commune, un soir permis par la saison, la tournée, le véhicule et la commune ;
            --force --reason TEXTE en fait une exception voulue, gardée dans l'historique.

        Options :
          --season DOSSIER  le dossier de la saison du plan
          --no-season       importe sans garder de saison (seule la règle d'une soirée
                            par véhicule et par soir est alors vérifiée)
          --accept-season-change
                            accepte une saison modifiée depuis le dernier import
          --force           accepte les règles enfreintes (avec --reason)
          --reason TEXTE    pourquoi l'exception (avec --force)
          --by NOM          qui importe, pour l'historique (défaut : $USER)
        \(DatabaseAccess.help)
          -h, --help        affiche cette aide
        """
    public static let spec = ArgumentSpec(
        options: DatabaseAccess.options + [.init("by"), .init("season"), .init("reason")],
        flags: ["no-season", "accept-season-change", "force"], positionals: ["ACTION", "PLAN.json"])

    let plan: String
    let by: String?
    let season: String?
    let noSeason: Bool
    let acceptSeasonChange: Bool
    let force: String?
    let access: DatabaseAccess

    public init(_ arguments: ParsedArguments) throws(UsageError) {
        guard arguments.positionals[0] == "import" else {
            throw UsageError("action inconnue « \(arguments.positionals[0]) » (import)")
        }
        plan = arguments.positionals[1]
        by = arguments.value("by")
        season = arguments.value("season")
        noSeason = arguments.has("no-season")
        if season != nil, noSeason { throw UsageError("--season et --no-season s'excluent") }
        acceptSeasonChange = arguments.has("accept-season-change")
        force = try ForceOption.reason(arguments)
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
                let loaded: LoadedSeason?
                switch try seasonFolder(for: imported.season.id, database: database, context: context) {
                case .failure(let failure): return failure.status
                case .success(let found): loaded = found
                }
                let outcome = try imported.apply(
                    to: database, options: PlanImport.Options(season: loaded, acceptSeasonChange: acceptSeasonChange, force: force),
                    directory: { try CommuneDirectory.loadShipped(environment: context.environment) },
                    actor: DatabaseAccess.actor(by, context), at: DatabaseAccess.now(context))
                report(outcome, seasonID: imported.season.id, context: context)
                return .success
            } catch {
                return DatabaseAccess.report(error, path: database.path, context: context)
            }
        }
    }

    /// The season read with the plan: `--season`, else the folder above the plan's when it
    /// holds a season, else none when `--no-season` is given or the database keeps the season.
    private func seasonFolder(for seasonID: String, database: Database, context: CommandContext) throws -> Result<
        LoadedSeason?, ExitStatusError
    > {
        if noSeason { return .success(nil) }
        if let season { return SeasonLoading.read(season, context: context).map { $0 } }
        let folder = ((plan as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
        let shown = folder.isEmpty ? "." : folder
        if FileManager.default.fileExists(atPath: context.url(for: SeasonLoader.join(shown, SeasonLoader.seasonFileName)).path) {
            return SeasonLoading.read(shown, context: context).map { $0 }
        }
        if try SeasonSnapshotStore(database).snapshot(seasonID: seasonID) != nil { return .success(nil) }
        context.console.error(
            "\(plan) : aucun dossier de saison au-dessus du plan (\(SeasonLoader.join(shown, SeasonLoader.seasonFileName)) absent) et la base ne garde pas la saison \(seasonID) ; indiquez-le avec --season DOSSIER, ou --no-season pour importer sans garder la saison"
        )
        return .failure(ExitStatusError(status: .noInput))
    }

    private func report(_ outcome: PlanImport.Outcome, seasonID: String, context: CommandContext) {
        for item in outcome.seasonChange.items { context.console.line("saison modifiée : \(item)") }
        if let kept = outcome.keptSeason {
            let files = kept.files.map { "\($0.name) (\($0.digest))" }.joined(separator: ", ")
            context.console.line("Saison \(seasonID) gardée dans la base : \(files)")
        }
        let summary = outcome.summary
        context.console.line(
            "Plan importé dans la saison \(seasonID) : \(summary.inserted.count) ajoutées, \(summary.updated.count) mises à jour, \(summary.unchanged.count) inchangées, \(summary.kept.count) gardées, \(summary.withdrawn.count) retirées (absentes du plan)"
        )
        for id in summary.kept { context.console.line("gardée (déjà confirmée, faite ou annulée) : \(id)") }
        for id in summary.withdrawn { context.console.line("retirée (absente du plan) : \(id)") }
        for id in summary.absentConfirmed {
            context.console.line("exception gardée : soirée \(id) : confirmée, absente du plan, gardée telle quelle")
        }
        ForceOption.print(outcome.accepted, context: context)
    }
}
