import CommandLineSupport
import Foundation
import Mail
import Operations
import Store

#if canImport(Glibc)
    import Glibc
#endif

/// `tourneed`'s whole start-up, testable: options, configuration, lock, transport, database,
/// recovery of the message in flight at a crash, then one round (`--once`) or the service loop.
/// Each step logs its own refusal in French and gives the sysexits status that fits.
public enum DaemonMain {
    /// A start-up step refused to go on; what went wrong is already logged.
    struct Refusal: Error {
        let status: ExitStatus
    }

    /// Runs the daemon; `wallClock` is the only source of time (`--now` shifts it).
    public static func run(
        arguments: [String], environment: [String: String],
        wallClock: @escaping @Sendable () -> Date
    ) -> ExitStatus {
        // A relay or msmtp closing its end must give EPIPE, not kill the daemon.
        signal(SIGPIPE, SIG_IGN)
        var logger = Logger.standardError(environment: environment)
        if arguments.contains("--help") || arguments.contains("-h") {
            FileHandle.standardOutput.write(Data((DaemonOptions.usage + "\n").utf8))
            return .success
        }
        do {
            let options = try readOptions(arguments, logger: logger)
            let configuration = try loadConfiguration(options.configuration, logger: logger)
            logger.threshold = configuration.logLevel
            let clock = shiftedClock(wallClock, to: options.now)
            let databasePath = options.database ?? configuration.database
            let lock = try takeLock(databasePath, logger: logger)
            defer { withExtendedLifetime(lock) {} }
            let transport = try makeTransport(
                configuration, override: options.transport, environment: environment,
                clock: clock, logger: logger)
            let database = try openDatabase(databasePath, clock: clock, logger: logger)
            defer { try? database.close() }
            let service = DaemonService(
                database: database, configuration: configuration, transport: transport,
                setup: DaemonSetup(options, databasePath: databasePath),
                environment: environment, clock: clock, logger: logger)
            if options.once { return try runOnce(service, logger: logger) }
            // Stopped after the loop ends (SIGTERM): the requests in flight finish first.
            let web = try configuration.http.map { settings throws(Refusal) in
                try DaemonWebServer.start(
                    settings, databasePath: databasePath, configurationPath: options.configuration, clock: clock, environment: environment,
                    organiser: configuration.identity.organiser, logger: logger)
            }
            defer { web?.stop() }
            return service.run()
        } catch {
            return error.status
        }
    }

    private static func readOptions(_ arguments: [String], logger: Logger) throws(Refusal) -> DaemonOptions {
        do {
            return try DaemonOptions(arguments: arguments)
        } catch {
            logger.log(.error, "tourneed: \(error.message)")
            FileHandle.standardError.write(Data((DaemonOptions.usage + "\n").utf8))
            throw Refusal(status: .usage)
        }
    }

    private static func loadConfiguration(_ path: String, logger: Logger) throws(Refusal) -> DaemonConfiguration {
        do {
            return try DaemonConfiguration.load(path: path)
        } catch {
            logger.log(.error, "configuration refused", ["error": error.description])
            throw Refusal(status: .configuration)
        }
    }

    /// The instance lock: 75 when another daemon holds it (try again later), else what
    /// `DatabaseStartupProblem.check` says of the path (a folder, a read-only place).
    private static func takeLock(_ databasePath: String, logger: Logger) throws(Refusal) -> InstanceLock {
        if let problem = DatabaseStartupProblem.check(databasePath) {
            logger.log(.error, "tourneed: \(problem.description)", ["database": databasePath])
            throw Refusal(status: problem.status)
        }
        do {
            let lock = try InstanceLock(databasePath: databasePath)
            if lock.identity.links > 1 {
                logger.log(
                    .warning,
                    "la base a d'autres noms (liens physiques) : tout programme qui l'ouvre par un autre nom tiendrait un journal -wal à part ; ouvrez-la toujours par le même chemin",
                    ["database": databasePath, "links": String(lock.identity.links)])
            }
            return lock
        } catch {
            logger.log(.error, "tourneed: \(error.description)", ["database": databasePath])
            switch error {
            case .held: throw Refusal(status: .temporaryFailure)
            case .notAFile: throw Refusal(status: .configuration)
            case .unavailable: throw Refusal(status: .ioError)
            }
        }
    }

    private static func makeTransport(
        _ configuration: DaemonConfiguration, override: TransportURL?, environment: [String: String],
        clock: @escaping @Sendable () -> Date, logger: Logger
    ) throws(Refusal) -> any MailTransport {
        do {
            return try configuration.makeTransport(override: override, environment: environment, now: clock)
        } catch {
            logger.log(.error, "transport refused", ["error": "\(error)"])
            throw Refusal(status: .configuration)
        }
    }

    /// Opens and migrates the database, then queues again the message that was in flight at
    /// the last stop (sent perhaps already: the one duplicate a crash may cause, see OutboxStore).
    private static func openDatabase(_ path: String, clock: @Sendable () -> Date, logger: Logger) throws(Refusal) -> SharedDatabase {
        let database: SharedDatabase
        do {
            let opened = try Database(path: path)
            do {
                _ = try Migrator.tournee.migrate(opened, at: Int64(clock().timeIntervalSince1970))
            } catch {
                try? opened.close()
                throw error
            }
            database = SharedDatabase(opened)
        } catch {
            let problem = DatabaseStartupProblem(path: path, error: error)
            logger.log(.error, "tourneed: \(problem.description)", ["database": path])
            throw Refusal(status: problem.status)
        }
        do {
            for id in try database.withDatabase({ try OutboxStore($0).recoverInFlight() }) {
                logger.log(.warning, "message in flight at the last stop queued again", ["id": String(id)])
            }
        } catch {
            try? database.close()
            let problem = DatabaseStartupProblem(path: path, error: error)
            logger.log(.error, "tourneed: \(problem.description)", ["database": path])
            throw Refusal(status: problem.status)
        }
        return database
    }

    private static func runOnce(_ service: DaemonService, logger: Logger) throws(Refusal) -> ExitStatus {
        do {
            let sent = try service.runOnce()
            logger.log(.info, "once: done", ["sent": String(sent)])
            return .success
        } catch {
            service.logDatabaseFailure(error)
            let failure = DatabaseFailureText.sqliteFailure(in: error)
            throw Refusal(status: failure.flatMap { ExitStatus(rawValue: DatabaseFailureText.exitCode($0.kind)) } ?? .unavailable)
        }
    }

    /// The wall clock, or one that started at `start` and runs at the same pace.
    static func shiftedClock(_ wallClock: @escaping @Sendable () -> Date, to start: Date?) -> @Sendable () -> Date {
        guard let start else { return wallClock }
        let offset = start.timeIntervalSince(wallClock())
        return { wallClock().addingTimeInterval(offset) }
    }
}
