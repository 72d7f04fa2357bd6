import CommandLineSupport
import Foundation
import Operations
import Planning
import TextFormats

/// `tournee plan SAISON`: the season's evenings, route, explanations, calendar file and map;
/// with `--db`, the season re-planned from the evenings its database holds.
public struct PlanCommand: Command {
    public static let name = "plan"
    public static let summary = "planifie la saison, ou la replanifie depuis la base en changeant le moins possible"
    public static let help = """
        Usage : tournee plan SAISON [--out DOSSIER] [--keep FICHIER] [--iterations N] [--threads N]
                tournee plan SAISON --db FICHIER [--apply [--accept-season-change] [--by NOM]]
                                    [--out DOSSIER] [--iterations N] [--threads N]

        Choisit la soirée de chaque visite et l'ordre des déplacements de chaque véhicule :
        kilomètres (coût, CO2) au plus bas, priorité aux villages sans café et aux petits
        villages, dates préférées en bonus, toutes les règles de la saison respectées. Affiche
        le tableau des soirées, le résumé, et pour chaque commune moins visitée que voulu, pourquoi.

        Écrit dans DOSSIER (par défaut SAISON/plan/) :
          plan.json        le plan complet, stable (même saison et même graine : même fichier)
          plan.ics         le calendrier des soirées (RFC 5545) pour l'équipe : statut de
                           chaque soirée et contact de sa mairie
          plan-public.ics  le même calendrier pour les partenaires : date, heures, lieu et
                           STATUS (TENTATIVE, CONFIRMED, CANCELLED), sans adresse
                           électronique, statut en toutes lettres ni notes
          map.svg          la carte des tournées

        Un plan.json qui tient des soirées confirmées ou faites n'est jamais écrasé par un plan
        qui les perdrait : la commande refuse (code 73) et dit de les garder avec --keep, ou
        de replanifier depuis la base (--db, puis --apply). Le SEQUENCE d'une soirée dans les
        deux calendriers monte à chaque changement de sa date ou de ses heures, pour que les
        agendas la mettent à jour : sans --db, par rapport au plan.ics déjà écrit dans
        DOSSIER ; avec --apply, c'est celui de la base, que portent aussi les calendriers
        joints aux messages de tourneed.

        Avec --db (ou --config), replanifie depuis les soirées de la base, en changeant le
        moins possible : les soirées confirmées et faites restent telles quelles ; une soirée
        déjà annoncée à sa mairie (un message est parti) ne bouge que si le plan y gagne plus
        que la pénalité de stabilité (objective.stabilityPenalty de season.json, en euros ;
        par défaut, plus que ce qu'un déplacement peut faire gagner en kilomètres) ; une
        commune n'est jamais reproposée à une date qu'elle a refusée (tournee event decline) ;
        rien de nouveau avant demain. Affiche chaque soirée gardée, déplacée (ancienne date →
        nouvelle), ajoutée ou retirée, avec sa raison, et combien de soirées annoncées
        bougent. N'écrit rien, sauf avec --apply : les changements en une transaction, avec
        les mêmes vérifications que tournee schedule import (une soirée déplacée garde son
        identifiant, l'historique dit pourquoi), puis plan.json, les deux calendriers et
        map.svg.

        Options :
          --out DOSSIER     dossier de sortie
          --keep FICHIER    garde à leur place les soirées confirmées ou faites de ce plan
                            (un plan.json, ou la liste de tournee events --json) et replanifie
                            le reste
          --apply           avec --db : applique les changements à la base
          --accept-season-change
                            avec --apply : accepte une saison modifiée depuis son dernier import
          --by NOM          avec --apply : qui replanifie, pour l'historique (défaut : $USER)
        \(DatabaseAccess.help)
          --iterations N    itérations de la recherche (défaut \(Planner.defaultIterations))
          --threads N       1 ou 2 fils de recherche (défaut 1)
          -h, --help        affiche cette aide
        """
    public static let spec = ArgumentSpec(
        options: DatabaseAccess.options + [.init("out"), .init("keep"), .init("iterations"), .init("threads"), .init("by")],
        flags: ["apply", "accept-season-change"], positionals: ["SAISON"])

    let path: String
    let out: String?
    let keep: String?
    let planner: Planner
    /// The database to re-plan from, when one is named.
    let access: DatabaseAccess?
    let apply: Bool
    let acceptSeasonChange: Bool
    let by: String?

    public init(_ arguments: ParsedArguments) throws(UsageError) {
        path = arguments.positionals[0]
        out = arguments.value("out")
        keep = arguments.value("keep")
        planner = Planner(
            iterations: try arguments.integer("iterations", in: 1...10_000_000) ?? Planner.defaultIterations,
            threads: try arguments.integer("threads", in: 1...2) ?? 1)
        let named = arguments.value("db") != nil || arguments.value("config") != nil
        access = named ? DatabaseAccess(arguments) : nil
        apply = arguments.has("apply")
        acceptSeasonChange = arguments.has("accept-season-change")
        by = arguments.value("by")
        if named, keep != nil { throw UsageError("--keep et --db s'excluent : la base garde déjà les soirées confirmées") }
        if !named, apply || acceptSeasonChange || by != nil {
            throw UsageError("--apply, --accept-season-change et --by ne vont qu'avec --db")
        }
        if !apply, acceptSeasonChange || by != nil { throw UsageError("--accept-season-change et --by ne vont qu'avec --apply") }
    }

    public func run(_ context: CommandContext) -> ExitStatus {
        if let access { return replan(from: access, context: context) }
        return SeasonLoading.withSeason(path, context: context) { season, _ in plan(season, context: context) }
    }

    private func plan(_ season: Season, context: CommandContext) -> ExitStatus {
        let (folder, display) = destination(of: season, context: context)
        let existing = SeasonLoader.join(display, "plan.json")
        let fixed: [PlanDocument.EventPart]
        switch PlanOverwrite.fixedEvents(at: folder.appendingPathComponent("plan.json"), shown: existing, context: context) {
        case .success(let found): fixed = found
        case .failure(let failure): return failure.status
        }
        if keep == nil, !fixed.isEmpty {
            return PlanOverwrite.refuse(fixed, shown: existing, season: path, slug: season.slug, context: context)
        }
        var kept: [KeptEvent] = []
        if let keep {
            let text: String
            switch InputFile.read(keep, context: context) {
            case .success(let read): text = read
            case .failure(let failure): return failure.status
            }
            do { kept = try PlanFile.keptEvents(text, file: keep, season: season) } catch {
                SeasonLoading.printIssues(error.issues, context: context)
                return .dataError
            }
        }
        let plan: Plan
        do {
            plan = try planner.plan(season, seasonSlug: season.slug, basis: PlanBasis(kept: kept))
        } catch {
            context.console.error("\(path) : \(error)")
            return .dataError
        }
        let lost = PlanOverwrite.lost(fixed, by: plan)
        guard lost.isEmpty else { return PlanOverwrite.refuse(lost, shown: existing, season: path, slug: season.slug, context: context) }
        context.console.out(PlanTable.render(plan))
        context.console.line()
        return write(plan, sequences: PlanCalendarFiles.sequences(for: plan, writtenIn: folder), context: context)
    }

    /// Re-plans from the database; applies the changes and writes the plan's files with
    /// `--apply` only.
    private func replan(from access: DatabaseAccess, context: CommandContext) -> ExitStatus {
        let loaded: LoadedSeason
        switch SeasonLoading.read(path, context: context) {
        case .failure(let failure): return failure.status
        case .success(let read): loaded = read
        }
        SeasonLoading.printIssues(loaded.warnings, context: context)
        return access.withDatabase(context) { database in
            let now = DatabaseAccess.now(context)
            let replan: SeasonReplan
            do { replan = try SeasonReplan.prepare(loaded, database: database, planner: planner, at: now) } catch let error as PlanningError
            {
                context.console.error("\(path) : \(error)")
                return .dataError
            } catch {
                return DatabaseAccess.report(error, path: database.path, context: context)
            }
            for item in replan.seasonChange.items { context.console.line("saison modifiée depuis son dernier import : \(item)") }
            context.console.line("Replanification de la saison \(loaded.season.slug) depuis la base \(database.path) :")
            context.console.out(PlanChangesTable.render(replan.changes, plan: replan.plan))
            guard apply else {
                context.console.line("Rien n'a été écrit : relancez avec --apply pour appliquer ces changements.")
                return .success
            }
            do {
                let outcome = try replan.apply(
                    to: database, acceptSeasonChange: acceptSeasonChange,
                    directory: { try CommuneDirectory.loadShipped(environment: context.environment) },
                    actor: DatabaseAccess.actor(by, context), at: now)
                let summary = outcome.summary
                context.console.line(
                    "Appliqué dans la base : \(summary.inserted.count) ajoutées, \(summary.updated.count) mises à jour (dates, tournées ou kilomètres), \(summary.withdrawn.count) retirées"
                )
                return write(
                    replan.plan, sequences: try PlanCalendarFiles.sequences(for: replan.plan, in: database), context: context)
            } catch {
                return DatabaseAccess.report(error, path: database.path, context: context)
            }
        }
    }

    /// The folder the plan's files go to (`--out`, else `SAISON/plan/`), and its name as shown.
    private func destination(of season: Season, context: CommandContext) -> (folder: URL, display: String) {
        let folder = out.map { context.url(for: $0) } ?? season.directory.appendingPathComponent("plan")
        return (folder, out ?? SeasonLoader.join(path.hasSuffix("/") ? String(path.dropLast()) : path, "plan"))
    }

    /// Writes `plan.json`, `plan.ics`, `plan-public.ics` and `map.svg` to `--out` (else
    /// `SAISON/plan/`) and says so; each evening's SEQUENCE is `sequences[id]`.
    private func write(_ plan: Plan, sequences: [String: Int], context: CommandContext) -> ExitStatus {
        let (folder, display) = destination(of: plan.season, context: context)
        let calendars: [(String, Data)]
        do {
            calendars = try PlanCalendarFiles.render(plan, stamp: context.now(), sequences: sequences).map { ($0.name, Data($0.bytes)) }
        } catch {
            context.console.error("\(path) : calendrier impossible à écrire : \(error)")
            return .dataError
        }
        let files: [(String, Data)] =
            [("plan.json", Data(PlanJSON.render(plan).utf8))] + calendars
            + [("map.svg", Data(PlanMapSVG.render(plan, outlines: MapOutlines.load(for: "map.svg", context: context)).utf8))]
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, bytes) in files {
                try bytes.write(to: folder.appendingPathComponent(name), options: .atomic)
            }
        } catch {
            context.console.error("\(display) : écriture impossible (\(SystemErrorText.french(error)))")
            return .cannotCreate
        }
        context.console.line("Écrit : " + files.map { SeasonLoader.join(display, $0.0) }.joined(separator: ", "))
        return .success
    }
}
