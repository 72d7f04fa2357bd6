import CommandLineSupport
import Foundation
import Operations
import Planning
import Store
import TextFormats

/// How database commands find and open the database: `--db PATH`, else `$TOURNEE_DB`, else the
/// `database` key of `--config FILE`, else of `config/tourneed.json` in the working directory
/// (relative paths in a configuration resolve against its folder).
struct DatabaseAccess: Sendable {
    /// The options every database command accepts.
    static let options: [ArgumentSpec.Option] = [.init("db"), .init("config")]
    /// The help lines for those options.
    static let help = """
          --db FICHIER      la base SQLite (sinon $TOURNEE_DB, sinon la clé « database » de
                            --config ou de config/tourneed.json)
          --config FICHIER  le fichier de configuration à lire
        """

    let db: String?
    let config: String?

    init(_ arguments: ParsedArguments) {
        db = arguments.value("db")
        config = arguments.value("config")
    }

    /// The database path, or a message saying what is missing.
    func path(_ context: CommandContext) -> Result<String, CommandFailure> {
        // An empty path would name the working directory once resolved against it.
        for (option, value) in [("db", db), ("config", config)] where value?.isEmpty == true {
            return .failure(CommandFailure(.usage, "--\(option) : chemin vide ; attendu le chemin d'un fichier"))
        }
        if let db { return .success(context.url(for: db).path) }
        if let fromEnvironment = context.environment["TOURNEE_DB"], !fromEnvironment.isEmpty {
            return .success(context.url(for: fromEnvironment).path)
        }
        let file = context.url(for: config ?? "config/tourneed.json")
        guard FileManager.default.fileExists(atPath: file.path) else {
            if let config { return .failure(CommandFailure(.noInput, "\(config) : configuration introuvable")) }
            return .failure(
                CommandFailure(
                    .usage,
                    "aucune base indiquée : donnez --db FICHIER, $TOURNEE_DB ou une configuration (config/tourneed.json) avec la clé « database »"
                ))
        }
        let shown = config ?? "config/tourneed.json"
        // The daemon's own reading layer, so both programs refuse a configuration in the same words.
        let root: JSONValue.Located
        do { root = try ConfigurationFile.root(path: file.path) } catch {
            return .failure(CommandFailure(.configuration, error.description))
        }
        let log = IssueLog(mode: .stopAtFirst)
        let folder = file.deletingLastPathComponent()
        let database = JSONObjectReader(root, file: shown, path: "", log: log).flatMap { reader in
            DatabaseSetting.read(reader) { $0.hasPrefix("/") ? $0 : folder.appendingPathComponent($0).standardizedFileURL.path }
        }
        guard let database else {
            return .failure(
                CommandFailure(.configuration, log.firstError?.description ?? "\(shown) : clé « database » (chemin de la base) manquante"))
        }
        return .success(database)
    }

    /// Opens an existing, up-to-date database; prints the error and returns nil otherwise.
    func open(_ context: CommandContext) -> Result<Database, CommandFailure> {
        let path: String
        switch self.path(context) {
        case .failure(let failure): return .failure(failure)
        case .success(let found): path = found
        }
        guard FileManager.default.fileExists(atPath: path) else {
            return .failure(CommandFailure(.noInput, "\(path) : base absente ; créez-la avec « tournee db init »"))
        }
        if let problem = Self.problem(path, shown: path) { return .failure(problem) }
        do {
            let database = try Database(path: path)
            let pending = try Migrator.tournee.pendingMigrations(in: database)
            guard pending.isEmpty else {
                return .failure(
                    CommandFailure(
                        .dataError, "\(path) : base à mettre à jour (\(pending.joined(separator: ", "))) ; lancez « tournee db migrate »"))
            }
            return .success(database)
        } catch let error as DatabaseError {
            return .failure(CommandFailure(Self.status(error), DatabaseFailureText.french(error, path: path)))
        } catch {
            return .failure(CommandFailure(.software, "\(path) : \(error)"))
        }
    }

    /// Opens the database, runs `body` with it and closes it; or prints why it could not be
    /// opened and returns that status.
    func withDatabase(_ context: CommandContext, _ body: (Database) -> ExitStatus) -> ExitStatus {
        switch open(context) {
        case .failure(let failure):
            return failure.report(context)
        case .success(let database):
            defer { try? database.close() }
            return body(database)
        }
    }

    /// Who is acting: `--by`, else `$USER`, else "inconnu".
    static func actor(_ by: String?, _ context: CommandContext) -> String {
        if let by, !by.trimmingCharacters(in: .whitespaces).isEmpty { return by }
        return context.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "inconnu"
    }

    /// The context's clock as Unix seconds.
    static func now(_ context: CommandContext) -> Int64 { Int64(context.now().timeIntervalSince1970.rounded(.down)) }

    /// Reports a failure thrown by the store or the records layer and returns its exit status:
    /// refused input is a data error (65), anything else an internal one (70).
    static func report(_ error: any Error, path: String? = nil, context: CommandContext) -> ExitStatus {
        switch error {
        case let error as DatabaseError:
            context.console.error(DatabaseFailureText.french(error, path: path))
            return status(error)
        case StoreError.database(let error):
            context.console.error(DatabaseFailureText.french(error, path: path))
            return status(error)
        case let error as RecordsError:
            for problem in error.problems { context.console.error(problem.description) }
            context.console.error("rien n'a été enregistré")
            return .dataError
        case StoreError.malformedRow(let row):
            context.console.error(
                (path.map { "\($0) : " } ?? "") + StoreText.french(row) + " ; rien n'a changé, réparez la ligne (tournee db check)")
            return .dataError
        case let error as StoreError:
            for line in StoreText.french(error).split(separator: "\n") { context.console.error(String(line)) }
            return .dataError
        case let error as MigrationError:
            context.console.error(StoreText.french(error))
            return .dataError
        case let error as LifecycleError:
            for line in error.lines { context.console.error(line) }
            return .dataError
        case let error as RecordingRefusal:
            context.console.error(error.reason)
            context.console.error("rien n'a été enregistré")
            return .dataError
        case let error as SeasonError:
            SeasonLoading.printIssues(error.issues, context: context)
            return error.isMissingInput ? .noInput : .dataError
        default:
            context.console.error("\(error)")
            return .software
        }
    }
}

extension DatabaseAccess {
    /// Why no SQLite file can be at `path` (shown as `shown`), asked before SQLite, whose own
    /// answer ("unable to open database file") tells no cause: something other than a regular
    /// file there (66), or no file there and none can be created in its folder (73). Nil when
    /// SQLite may try.
    static func problem(_ path: String, shown: String) -> CommandFailure? {
        var status = stat()
        if stat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFREG else {
                return CommandFailure(
                    .noInput, "\(shown) : c'est \(FileKind.name(mode: status.st_mode)), attendu un fichier de base SQLite")
            }
            return nil
        }
        let folder = WritableFolder.of(path)
        switch WritableFolder.problem(folder) {
        case .missing:
            return CommandFailure(.cannotCreate, "\(shown) : le dossier \(folder) n'existe pas ; créez-le d'abord")
        case .notWritable(let reason):
            return CommandFailure(
                .cannotCreate, "\(shown) : création impossible, le dossier \(folder) n'est pas accessible en écriture (\(reason))")
        case nil:
            return nil
        }
    }

    /// The exit status of a SQLite failure (65 not a database, 74 disk, 75 busy, 70 otherwise).
    static func status(_ error: DatabaseError) -> ExitStatus {
        ExitStatus(rawValue: DatabaseFailureText.exitCode(error.kind)) ?? .software
    }
}

/// A command that stops early: its exit status and message.
struct CommandFailure: Error, Sendable {
    let status: ExitStatus
    let message: String

    init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    /// Prints the message and returns the status.
    func report(_ context: CommandContext) -> ExitStatus {
        context.console.error(message)
        return status
    }
}
