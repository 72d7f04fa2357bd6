import Foundation
import Mail
import Store
#if canImport(Glibc)
import Glibc
#endif

/// `tourneed`'s whole start-up, testable: options, configuration, lock, database, recovery of the
/// message in flight at a crash, then one round (`--once`) or the service loop. Exit statuses
/// follow sysexits: 64 usage, 78 configuration, 75 another instance, 69 database unavailable.
public enum DaemonMain {
    /// Runs the daemon; `wallClock` is the only source of time (`--now` shifts it).
    public static func run(arguments: [String], environment: [String: String],
                           wallClock: @escaping @Sendable () -> Date) -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        var logger = Logger.standardError(environment: environment)
        if arguments.contains("--help") || arguments.contains("-h") {
            FileHandle.standardOutput.write(Data((DaemonOptions.usage + "\n").utf8))
            return 0
        }
        let options: DaemonOptions
        do {
            options = try DaemonOptions(arguments: arguments)
        } catch {
            logger.log(.error, "tourneed: \(error.description)")
            FileHandle.standardError.write(Data((DaemonOptions.usage + "\n").utf8))
            return 64
        }
        let configuration: DaemonConfiguration
        do {
            configuration = try DaemonConfiguration.load(path: options.configuration)
        } catch {
            logger.log(.error, "configuration refused", ["error": error.description])
            return 78
        }
        logger.threshold = configuration.logLevel
        let clock = shiftedClock(wallClock, to: options.now)
        let databasePath = options.database ?? configuration.database
        let lock: InstanceLock
        do {
            lock = try InstanceLock(databasePath: databasePath)
        } catch {
            logger.log(.error, "tourneed: \(error.description)", ["database": databasePath])
            return 75
        }
        defer { withExtendedLifetime(lock) {} }
        let transport: any MailTransport
        do {
            transport = try configuration.makeTransport(override: options.transport, environment: environment, now: clock)
        } catch {
            logger.log(.error, "transport refused", ["error": "\(error)"])
            return 78
        }
        let database: SharedDatabase
        do {
            let opened = try Database(path: databasePath)
            try Migrator.tournee.migrate(opened, at: Int64(clock().timeIntervalSince1970))
            database = SharedDatabase(opened)
            let recovered = try database.withDatabase { try OutboxStore($0).recoverInFlight() }
            for id in recovered {
                // Sent perhaps already: the one duplicate a crash may cause (see OutboxStore).
                logger.log(.warning, "message in flight at the last stop queued again", ["id": String(id)])
            }
        } catch {
            logger.log(.error, "database unavailable", ["database": databasePath, "error": "\(error)"])
            return 69
        }
        defer { try? database.close() }
        let service = DaemonService(database: database, configuration: configuration, transport: transport,
                                    options: options, environment: environment, clock: clock, logger: logger)
        guard options.once else { return service.run() }
        do {
            let sent = try service.runOnce()
            logger.log(.info, "once: done", ["sent": String(sent)])
            return 0
        } catch {
            logger.log(.error, "database error", ["error": "\(error)"])
            return 69
        }
    }

    /// The wall clock, or one that started at `start` and runs at the same pace.
    static func shiftedClock(_ wallClock: @escaping @Sendable () -> Date, to start: Date?) -> @Sendable () -> Date {
        guard let start else { return wallClock }
        let offset = start.timeIntervalSince(wallClock())
        return { wallClock().addingTimeInterval(offset) }
    }
}
