import CommandLineSupport
import Foundation
import Operations
import Planning
import TextFormats

/// `tournee plan SAISON`: the season's evenings, route, explanations, calendar file and map.
public struct PlanCommand: Command {
    public static let name = "plan"
    public static let summary = "planifie la saison : dates, tournées, kilomètres, explications"
    public static let help = """
        Usage : tournee plan SAISON [--out DOSSIER] [--keep FICHIER] [--iterations N] [--threads N]

        Choisit la soirée de chaque visite et l'ordre des déplacements de chaque véhicule :
        kilomètres (coût, CO2) au plus bas, priorité aux villages sans café et aux petits
        villages, dates préférées en bonus, toutes les règles de la saison respectées. Affiche
        le tableau des soirées, le résumé, et pour chaque commune moins visitée que voulu, pourquoi.

        Écrit dans DOSSIER (par défaut SAISON/plan/) :
          plan.json   le plan complet, stable (même saison et même graine : même fichier)
          plan.ics    le calendrier des soirées (RFC 5545), à partager
          map.svg     la carte des tournées

        Un plan.json qui tient des soirées confirmées ou faites n'est jamais écrasé par un plan
        qui les perdrait : la commande refuse (code 73) et dit de les garder avec --keep. Le
        SEQUENCE des soirées de plan.ics vaut 0 : le plan ne connaît pas leurs changements, que
        la base compte (les calendriers des messages de tourneed portent le sien).

        Options :
          --out DOSSIER     dossier de sortie
          --keep FICHIER    garde à leur place les soirées confirmées ou faites de ce plan
                            (un plan.json, ou la liste de tournee events --json) et replanifie
                            le reste
          --iterations N    itérations de la recherche (défaut \(Planner.defaultIterations))
          --threads N       1 ou 2 fils de recherche (défaut 1)
          -h, --help        affiche cette aide
        """
    public static let spec = ArgumentSpec(
        options: [.init("out"), .init("keep"), .init("iterations"), .init("threads")],
        positionals: ["SAISON"])

    let path: String
    let out: String?
    let keep: String?
    let planner: Planner

    public init(_ arguments: ParsedArguments) throws(UsageError) {
        path = arguments.positionals[0]
        out = arguments.value("out")
        keep = arguments.value("keep")
        planner = Planner(
            iterations: try arguments.integer("iterations", in: 1...10_000_000) ?? Planner.defaultIterations,
            threads: try arguments.integer("threads", in: 1...2) ?? 1)
    }

    public func run(_ context: CommandContext) -> ExitStatus {
        SeasonLoading.withSeason(path, context: context) { season, _ in plan(season, context: context) }
    }

    private func plan(_ season: Season, context: CommandContext) -> ExitStatus {
        let folder = out.map { context.url(for: $0) } ?? season.directory.appendingPathComponent("plan")
        let display = out ?? SeasonLoader.join(path.hasSuffix("/") ? String(path.dropLast()) : path, "plan")
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
            plan = try planner.plan(season, seasonSlug: season.slug, kept: kept)
        } catch {
            context.console.error("\(path) : \(error)")
            return .dataError
        }
        let lost = PlanOverwrite.lost(fixed, by: plan)
        guard lost.isEmpty else { return PlanOverwrite.refuse(lost, shown: existing, season: path, slug: season.slug, context: context) }
        let calendar: [UInt8]
        do { calendar = try PlanCalendar.calendar(for: plan, stamp: context.now()).render() } catch {
            context.console.error("\(path) : calendrier impossible à écrire : \(error)")
            return .dataError
        }
        let files: [(String, Data)] = [
            ("plan.json", Data(PlanJSON.render(plan).utf8)),
            ("plan.ics", Data(calendar)),
            ("map.svg", Data(PlanMapSVG.render(plan).utf8)),
        ]
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, bytes) in files {
                try bytes.write(to: folder.appendingPathComponent(name), options: .atomic)
            }
        } catch {
            context.console.error("\(display) : écriture impossible (\(SystemErrorText.french(error)))")
            return .cannotCreate
        }
        context.console.out(PlanTable.render(plan))
        context.console.line()
        context.console.line("Écrit : " + files.map { SeasonLoader.join(display, $0.0) }.joined(separator: ", "))
        return .success
    }
}
