import CommandLineSupport
import Foundation
import Operations
import Planning

/// `tournee plan SAISON`: the season's evenings, route, explanations, calendar file and map.
public struct PlanCommand: Command {
    public static let name = "plan"
    public static let summary = "planifie la saison : dates, tournées, kilomètres, explications"
    public static let help = """
        Usage : tournee plan SAISON [--out DOSSIER] [--keep PLAN.json] [--iterations N] [--threads N]

        Choisit la soirée de chaque visite et l'ordre des déplacements de chaque véhicule :
        kilomètres (coût, CO2) au plus bas, priorité aux villages sans café et aux petits
        villages, dates préférées en bonus, toutes les règles de la saison respectées. Affiche
        le tableau des soirées, le résumé, et pour chaque commune moins visitée que voulu, pourquoi.

        Écrit dans DOSSIER (par défaut SAISON/plan/) :
          plan.json   le plan complet, stable (même saison et même graine : même fichier)
          plan.ics    le calendrier des soirées (RFC 5545), à partager
          map.svg     la carte des tournées

        Options :
          --out DOSSIER     dossier de sortie
          --keep PLAN.json  garde à leur place les soirées confirmées ou faites de ce plan et
                            replanifie le reste
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
        var kept: [KeptEvent] = []
        if let keep {
            let text: String
            switch SeasonLoading.readFile(keep, context: context) {
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
        let folder = out.map { context.url(for: $0) } ?? season.directory.appendingPathComponent("plan")
        let display = out ?? SeasonLoader.join(path.hasSuffix("/") ? String(path.dropLast()) : path, "plan")
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
            context.console.error("\(display) : écriture impossible (\(error.localizedDescription))")
            return .cannotCreate
        }
        context.console.out(PlanTable.render(plan))
        context.console.line()
        context.console.line("Écrit : " + files.map { SeasonLoader.join(display, $0.0) }.joined(separator: ", "))
        return .success
    }
}
