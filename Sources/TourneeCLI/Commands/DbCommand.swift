import CommandLineSupport
import Foundation
import Operations
import Planning
import Store

/// `tournee db init|migrate|backup PATH|check`: create, upgrade, copy and check the database.
public struct DbCommand: Command {
    public static let name = "db"
    public static let summary = "crée, met à jour, sauvegarde et vérifie la base de la saison"
    public static let help = """
        Usage : tournee db ACTION [CHEMIN] [--db FICHIER] [--config FICHIER]

        Actions :
          init           crée la base (si besoin) et applique le schéma
          migrate        applique les migrations qui manquent à une base existante
          backup CHEMIN  copie la base dans CHEMIN, même pendant que le démon écrit
          check          vérifie l'intégrité, les clés étrangères et les règles de chaque saison
                         gardée sur ses soirées vivantes (ni annulées ni retirées) : au plus une
                         soirée par véhicule et par soir, max_visits et l'écart minimal entre
                         deux visites d'une commune, un soir permis par la saison, la tournée,
                         le véhicule et la commune ; affiche chaque problème avec les soirées
                         en cause (code de sortie 65 s'il y en a), et les exceptions voulues
                         (--force) comme telles

        Options :
        \(DatabaseAccess.help)
          -h, --help        affiche cette aide
        """
    public static let spec = ArgumentSpec(
        options: DatabaseAccess.options, positionals: ["ACTION", "CHEMIN"],
        minimumPositionals: 1, maximumPositionals: 2)

    enum Action: Sendable {
        case initialize, migrate
        case backup(String)
        case check
    }
    let action: Action
    let access: DatabaseAccess

    public init(_ arguments: ParsedArguments) throws(UsageError) {
        access = DatabaseAccess(arguments)
        let words = arguments.positionals
        switch (words[0], words.count) {
        case ("init", 1): action = .initialize
        case ("migrate", 1): action = .migrate
        case ("check", 1): action = .check
        case ("backup", 2): action = .backup(words[1])
        case ("backup", _): throw UsageError("backup : CHEMIN de la copie manquant")
        case ("init", _), ("migrate", _), ("check", _): throw UsageError("argument en trop « \(words[1]) »")
        default: throw UsageError("action inconnue « \(words[0]) » (init, migrate, backup, check)")
        }
    }

    public func run(_ context: CommandContext) -> ExitStatus {
        let path: String
        switch access.path(context) {
        case .failure(let failure): return failure.report(context)
        case .success(let found): path = found
        }
        let exists = FileManager.default.fileExists(atPath: path)
        if case .initialize = action {
        } else if !exists {
            context.console.error("\(path) : base absente ; créez-la avec « tournee db init »")
            return .noInput
        }
        if let problem = DatabaseAccess.problem(path, shown: path) { return problem.report(context) }
        if case .backup(let target) = action, let problem = Self.backupProblem(target, source: path, context: context) {
            return problem.report(context)
        }
        do {
            let database = try Database(path: path)
            switch action {
            case .initialize, .migrate:
                let applied = try Migrator.tournee.migrate(database, at: DatabaseAccess.now(context))
                context.console.line(
                    applied.isEmpty
                        ? "Base à jour : \(path)"
                        : "Base \(exists ? "mise à jour" : "créée") : \(path) (migrations : \(applied.joined(separator: ", ")))")
            case .backup(let target):
                do { try database.backup(to: context.url(for: target).path) } catch let error as DatabaseError where Self.isWriting(error) {
                    context.console.error(DatabaseFailureText.french(error, path: target))
                    return error.kind == .diskFull ? .ioError : .cannotCreate
                }
                context.console.line("Copie écrite : \(target)")
            case .check:
                // An empty file opens as an empty database: it has none of Tournée's tables.
                let pending = try Migrator.tournee.pendingMigrations(in: database)
                guard pending.count < Migrator.tournee.migrations.count else {
                    context.console.error(
                        "\(path) : n'est pas une base Tournée (fichier vide ou sans schéma) ; créez-la avec « tournee db init » ou indiquez la bonne base avec --db"
                    )
                    return .dataError
                }
                let problems = try database.check()
                for problem in problems { context.console.line(StoreText.french(problem)) }
                let broken = try printAudits(database, context: context)
                guard problems.isEmpty, broken == 0 else {
                    context.console.error("\(path) : \(problems.count + broken) problème(s)")
                    return .dataError
                }
                context.console.line("Base saine : \(path)")
            }
            return .success
        } catch {
            return DatabaseAccess.report(error, path: path, context: context)
        }
    }

    /// Prints each season's broken rules (with the evenings in cause) and accepted exceptions,
    /// and returns how many problems that makes.
    private func printAudits(_ database: Database, context: CommandContext) throws -> Int {
        var broken = 0
        for audit in try SeasonAudit.all(database, directory: { try CommuneDirectory.loadShipped(environment: context.environment) }) {
            switch audit {
            case .failure(let error):
                for line in error.lines { context.console.line(line) }
                broken += 1
            case .success(let audit):
                if !audit.isSeasonKept {
                    context.console.line(
                        "saison \(audit.seasonID) : la base ne garde pas la saison (importée avant qu'elle la garde) ; seule la règle d'une soirée par véhicule et par soir est vérifiée — réimportez le plan avec son dossier de saison"
                    )
                }
                for breach in audit.breaches {
                    context.console.line("règle enfreinte : \(breach)")
                }
                for accepted in audit.accepted {
                    let change = accepted.exception
                    let when = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(change.at)))
                    context.console.line("exception voulue : \(accepted.breach) — « \(change.reason) » (\(change.actor), \(when))")
                }
                broken += audit.breaches.count
            }
        }
        return broken
    }
}

extension DbCommand {
    /// Why a copy cannot go to `target`: the database itself (a copy renamed over the base it
    /// copies), something other than a file there, a folder where nothing can be created.
    static func backupProblem(_ target: String, source: String, context: CommandContext) -> CommandFailure? {
        let destination = context.url(for: target).path
        var sourceStatus = stat()
        var targetStatus = stat()
        if stat(source, &sourceStatus) == 0, stat(destination, &targetStatus) == 0,
            sourceStatus.st_dev == targetStatus.st_dev, sourceStatus.st_ino == targetStatus.st_ino
        {
            return CommandFailure(.usage, "\(target) : c'est la base elle-même (\(source)) ; attendu un autre chemin pour la copie")
        }
        return DatabaseAccess.problem(destination, shown: target).map { CommandFailure(.cannotCreate, $0.message) }
    }

    /// Whether a failed backup failed on the copy's side (its folder or its disk), not the base's.
    static func isWriting(_ error: DatabaseError) -> Bool {
        [.diskFull, .readOnly, .cannotOpen].contains(error.kind)
    }
}
