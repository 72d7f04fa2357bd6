import CommandLineSupport
import Foundation
import Planning
import Routing
import TextFormats

/// `tournee bench FICHIER…`, `tournee bench --season SAISON…` and `tournee bench --replan
/// SAISON…`: the solver on the standard benchmark instances, the planner on seasons, and the
/// re-plan after each possible decline, timed and measured, one JSON line each.
public struct BenchCommand: Command {
    public static let name = "bench"
    public static let summary = "mesure le solveur (instances de référence) ou le planificateur (saisons)"
    public static let help = """
        Usage : tournee bench FICHIER… [--time-limit S | --iterations N] [--seed N]
                              [--objective distance|hierarchical] [--bks CSV] [--threads N]
                              [--routes DOSSIER]
                tournee bench --season SAISON… [--iterations N] [--threads N]
                tournee bench --replan SAISON… [--iterations N] [--threads N]

        Résout une à une les instances de référence FICHIER (TSPLIB .tsp, VRPLIB .vrp, Solomon et
        Gehring–Homberger .txt) et écrit une ligne JSON par instance :
          {"instance", "objective", "cost", "vehicles", "seconds", "seed", "feasible", "bks",
           "gap_pct", "peak_rss_mb"}
        cost est la distance avec la convention et les décimales de l'instance (entiers pour
        TSPLIB et CVRPLIB, deux décimales pour Solomon, une pour les fichiers VRPLIB du DIMACS) ;
        feasible vaut true quand le vérificateur du solveur et une réévaluation indépendante
        depuis le fichier acceptent la solution (sinon les premières règles enfreintes sont
        écrites sur la sortie d'erreur) ; bks est la distance de la meilleure solution
        connue quand --bks donne l'instance avec la même convention et le même objectif, sinon
        null ; gap_pct l'écart en %, null aussi quand, véhicules d'abord, le nombre de
        véhicules diffère de celui de la meilleure solution connue.

        Avec --season, planifie chaque saison comme tournee plan, sans rien écrire, et affiche :
          {"season", "evenings", "communes", "km", "seconds", "peak_rss_mb"}
        (soirées planifiées, communes servies, kilomètres).

        Avec --replan, planifie chaque saison, tient toutes ses soirées pour annoncées aux
        mairies, puis, commune après commune, fait refuser sa première soirée et replanifie
        (comme tournee plan SAISON --db), sans rien écrire ; une ligne par refus :
          {"season", "declined", "moved", "withdrawn", "added", "reproposed", "seconds"}
        (autres soirées annoncées déplacées, retirées ; soirées ajoutées ; true si la commune
        se retrouve à la date refusée), puis une ligne par saison :
          {"season", "declines", "moved_mean", "moved_max", "withdrawn_mean", "reproposed",
           "stability_penalty", "seconds_mean", "seconds_max", "peak_rss_mb"}

        seconds est le temps écoulé de la résolution ou de la planification seule ;
        peak_rss_mb la mémoire résidente maximale du processus depuis son lancement (Linux) :
        mesurez une instance par commande pour l'attribuer à cette instance.

        Options :
          --time-limit S     secondes de recherche par instance (défaut 10)
          --iterations N     un nombre d'itérations au lieu d'une durée : même résultat sur
                             toute machine (avec --season : défaut \(Planner.defaultIterations))
          --seed N           graine du solveur (défaut 1)
          --objective OBJ    pour les instances à fenêtres de temps : distance, ou hierarchical
                             (véhicules d'abord, puis distance) ; défaut : celui de la
                             littérature (hierarchical pour Solomon et Gehring–Homberger)
          --bks CSV          table des meilleures solutions connues (format de bks.csv)
          --threads N        1 ou 2 fils de recherche (défaut 1)
          --routes DOSSIER   écrit chaque solution dans DOSSIER/INSTANCE.sol (format CVRPLIB)
          --season           les arguments sont des dossiers de saison
          --replan           les arguments sont des dossiers de saison, replanifiés après
                             chaque refus possible
          -h, --help         affiche cette aide

        Statut de sortie : 0 mesures faites, 64 mauvais usage, 65 fichier mal formé,
        66 fichier introuvable, 73 écriture impossible.
        """
    public static let spec = ArgumentSpec(
        options: [
            .init("time-limit"), .init("iterations"), .init("seed"), .init("objective"), .init("bks"),
            .init("threads"), .init("routes"),
        ],
        flags: ["season", "replan"], positionals: ["FICHIER"], minimumPositionals: 1, maximumPositionals: .some(nil))

    let paths: [String]
    let isSeasonBench: Bool
    let isReplanBench: Bool
    let timeLimit: Double
    let iterations: Int?
    let seed: UInt64
    let objective: BenchmarkObjective?
    let bksPath: String?
    let threads: Int
    let routesPath: String?

    public init(_ arguments: ParsedArguments) throws(UsageError) {
        paths = arguments.positionals
        isSeasonBench = arguments.has("season")
        isReplanBench = arguments.has("replan")
        if isSeasonBench, isReplanBench { throw UsageError("--season et --replan s'excluent") }
        if isSeasonBench || isReplanBench {
            let mode = isSeasonBench ? "--season" : "--replan"
            for option in ["time-limit", "seed", "objective", "bks", "routes"] where arguments.value(option) != nil {
                throw UsageError(
                    "--\(option) ne s'applique pas à \(mode)" + (option == "seed" ? " (la graine est celle de la saison)" : ""))
            }
        }
        if arguments.value("time-limit") != nil, arguments.value("iterations") != nil {
            throw UsageError("--time-limit et --iterations s'excluent : une durée ou un nombre d'itérations")
        }
        timeLimit = try arguments.number("time-limit", in: 0.01...86_400) ?? 10
        iterations = try arguments.integer("iterations", in: 1...100_000_000)
        seed = UInt64(try arguments.integer("seed", in: 0...Int.max) ?? 1)
        if let text = arguments.value("objective") {
            guard let objective = BenchmarkObjective(rawValue: text) else {
                throw UsageError("--objective : distance ou hierarchical attendu, trouvé « \(text) »")
            }
            self.objective = objective
        } else {
            objective = nil
        }
        bksPath = arguments.value("bks")
        threads = try arguments.integer("threads", in: 1...2) ?? 1
        routesPath = arguments.value("routes")
    }

    public func run(_ context: CommandContext) -> ExitStatus {
        isReplanBench ? runReplans(context) : isSeasonBench ? runSeasons(context) : runInstances(context)
    }

    private func runInstances(_ context: CommandContext) -> ExitStatus {
        // Every file is read before the first solve, so a typo fails in a second, not after an hour.
        var instances: [BenchmarkInstance] = []
        var failure: ExitStatus?
        for path in paths {
            switch Self.read(path, context: context, parse: BenchmarkReader.parse) {
            case .success(let instance): instances.append(instance)
            case .failure(let error): failure = failure ?? error.status
            }
        }
        var table: BKSTable?
        if let bksPath {
            switch Self.read(bksPath, context: context, parse: BKSTable.parse) {
            case .success(let read): table = read
            case .failure(let error): failure = failure ?? error.status
            }
        }
        if let failure { return failure }
        let routesFolder = routesPath.map { context.url(for: $0) }
        if let routesFolder, let routesPath {
            do { try FileManager.default.createDirectory(at: routesFolder, withIntermediateDirectories: true) } catch {
                context.console.error("\(routesPath) : dossier impossible à créer (\(SystemErrorText.french(error)))")
                return .cannotCreate
            }
        }
        for (path, instance) in zip(paths, instances) {
            let benchmark: BenchmarkProblem
            do {
                benchmark = try BenchmarkProblem(
                    instance: instance, objective: objective ?? BenchmarkProblem.literatureObjective(of: instance))
            } catch {
                context.console.error("\(path) : instance refusée par le modèle du solveur (\(error))")
                return .dataError
            }
            let options = SolverOptions(seed: seed, timeLimit: timeLimit, iterationLimit: iterations, threads: threads)
            let measurement = BenchmarkMeasurement(benchmark, options: options)
            context.console.line(measurement.jsonLine(seed: seed, bks: table, peakMegabytes: PeakMemory.current()).text)
            for problem in measurement.problems.prefix(Self.problemsShown) {
                context.console.error("\(path) : solution non réalisable : \(problem)")
            }
            if let routesFolder, let routesPath {
                let fileName = instance.name.replacingOccurrences(of: "/", with: "_") + ".sol"
                do {
                    try Data(measurement.routeFile.utf8).write(to: routesFolder.appendingPathComponent(fileName), options: .atomic)
                } catch {
                    context.console.error(
                        "\(SeasonLoader.join(routesPath, fileName)) : écriture impossible (\(SystemErrorText.french(error)))")
                    return .cannotCreate
                }
            }
        }
        return .success
    }

    private func runSeasons(_ context: CommandContext) -> ExitStatus {
        let planner = Planner(iterations: iterations ?? Planner.defaultIterations, threads: threads)
        for path in paths {
            let season: Season
            switch SeasonLoading.load(path, context: context) {
            case .failure(let failure): return failure.status
            case .success(let loaded): season = loaded.0
            }
            let stopwatch = Stopwatch()
            let plan: Plan
            do {
                plan = try planner.plan(season, seasonSlug: season.slug)
            } catch {
                context.console.error("\(path) : \(error)")
                return .dataError
            }
            let seconds = stopwatch.seconds
            var line = JSONLine()
            line.append("season", .string(path.hasSuffix("/") ? String(path.dropLast()) : path))
            line.append("evenings", .integer(plan.summary.evenings))
            line.append("communes", .integer(plan.summary.communesServed))
            line.append("km", .number(plan.summary.km, decimals: 1))
            line.append("seconds", .number(seconds, decimals: 3))
            line.append("peak_rss_mb", PeakMemory.current().map { .number($0, decimals: 1) } ?? .null)
            context.console.line(line.text)
        }
        return .success
    }

    private func runReplans(_ context: CommandContext) -> ExitStatus {
        let replay = DeclineReplay(planner: Planner(iterations: iterations ?? Planner.defaultIterations, threads: threads))
        for path in paths {
            let season: Season
            switch SeasonLoading.load(path, context: context) {
            case .failure(let failure): return failure.status
            case .success(let loaded): season = loaded.0
            }
            let name = path.hasSuffix("/") ? String(path.dropLast()) : path
            let result: (plan: Plan, outcomes: [DeclineReplay.Outcome])
            do { result = try replay.run(season) } catch {
                context.console.error("\(path) : \(error)")
                return .dataError
            }
            for outcome in result.outcomes {
                var line = JSONLine()
                line.append("season", .string(name))
                line.append("declined", .string(outcome.declined))
                line.append("moved", .integer(outcome.moved))
                line.append("withdrawn", .integer(outcome.withdrawn))
                line.append("added", .integer(outcome.added))
                line.append("reproposed", .bool(outcome.reproposed))
                line.append("seconds", .number(outcome.seconds, decimals: 3))
                context.console.line(line.text)
            }
            let outcomes = result.outcomes
            let count = Double(max(1, outcomes.count))
            var line = JSONLine()
            line.append("season", .string(name))
            line.append("declines", .integer(outcomes.count))
            line.append("moved_mean", .number(Double(outcomes.reduce(0) { $0 + $1.moved }) / count, decimals: 3))
            line.append("moved_max", .integer(outcomes.map(\.moved).max() ?? 0))
            line.append("withdrawn_mean", .number(Double(outcomes.reduce(0) { $0 + $1.withdrawn }) / count, decimals: 3))
            line.append("reproposed", .integer(outcomes.count(where: \.reproposed)))
            line.append("stability_penalty", .number(result.plan.stabilityPenalty, decimals: 0))
            line.append("seconds_mean", .number(outcomes.reduce(0) { $0 + $1.seconds } / count, decimals: 3))
            line.append("seconds_max", .number(outcomes.map(\.seconds).max() ?? 0, decimals: 3))
            line.append("peak_rss_mb", PeakMemory.current().map { .number($0, decimals: 1) } ?? .null)
            context.console.line(line.text)
        }
        return .success
    }

    /// How many broken rules are printed for an infeasible solution (the first ones found).
    private static let problemsShown = 5

    /// Reads and parses a file named on the command line, printing why it cannot be.
    private static func read<Value>(
        _ path: String, context: CommandContext,
        parse: (String, String) throws(BenchmarkFormatError) -> Value
    ) -> Result<Value, ExitStatusError> {
        let text: String
        switch InputFile.read(path, context: context) {
        case .success(let read): text = read
        case .failure(let failure): return .failure(failure)
        }
        do {
            return .success(try parse(text, path))
        } catch {
            context.console.error(error.description)
            return .failure(ExitStatusError(status: .dataError))
        }
    }
}
