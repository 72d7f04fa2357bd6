import CommandLineSupport
import Dispatch
import Foundation
import Mail
import Operations
import Store
import Synchronization

/// The long-running loop: tick (every `tickSeconds`, and at once when another process changes
/// the database), dispatch what is due, answer signals, talk to systemd.
///
/// All work runs on the calling thread; signal handlers run on their own serial queue and only
/// set flags and wake the loop. The sources are made in a method of this non-isolated class with
/// `@Sendable` handlers: made in top-level code or `main()`, a handler would take the main
/// actor's isolation and the process would die of SIGILL when it ran on the signal queue. SIGTERM/SIGINT stop after the message in flight;
/// SIGHUP reloads the configuration, keeping the old one when the new one is refused.
public final class DaemonService: Sendable {
    private struct State {
        var configuration: DaemonConfiguration
        var scheduler: ReminderScheduler
        var dispatcher: OutboxDispatcher
    }

    private let database: SharedDatabase
    private let setup: DaemonSetup
    private let environment: [String: String]
    private let clock: @Sendable () -> Date
    private let notifier: SystemdNotifier
    private let logger: Mutex<Logger>
    private let state: Mutex<State>
    /// Kept across reloads: the seasons' facts do not depend on the configuration.
    private let seasons: KeptSeasonFacts
    private let stopRequested = Atomic<Bool>(false)
    private let reloadRequested = Atomic<Bool>(false)
    private let wake = DispatchSemaphore(value: 0)
    private let signalQueue = DispatchQueue(label: "tourneed.signals")
    /// Written once by `run()` before any handler can fire, only to keep the sources alive.
    nonisolated(unsafe) private var sources: [any DispatchSourceSignal] = []
    private let lastWatchdog = Atomic<UInt64>(0)

    /// Makes the service on an open, migrated database.
    public init(
        database: SharedDatabase, configuration: DaemonConfiguration, transport: any MailTransport,
        setup: DaemonSetup, environment: [String: String], clock: @escaping @Sendable () -> Date,
        logger: Logger
    ) {
        self.database = database
        self.setup = setup
        self.environment = environment
        self.clock = clock
        self.notifier = SystemdNotifier(environment: environment)
        self.logger = Mutex(logger)
        self.seasons = KeptSeasonFacts(environment: environment)
        self.state = Mutex(
            Self.makeState(
                configuration, transport: transport, database: database, seasons: seasons, databasePath: setup.databasePath, logger: logger)
        )
    }

    private static func makeState(
        _ configuration: DaemonConfiguration, transport: any MailTransport,
        database: SharedDatabase, seasons: KeptSeasonFacts, databasePath: String, logger: Logger
    ) -> State {
        State(
            configuration: configuration,
            scheduler: configuration.scheduler(
                seasons: seasons, links: replyLinks(configuration, databasePath: databasePath, logger: logger)),
            dispatcher: OutboxDispatcher(
                database: database, transport: transport, sender: configuration.identity.from,
                retry: configuration.retry, logger: logger))
    }

    /// The mairies' links when the pages have a public address: the key ring beside the database
    /// (created on first use). A key file that cannot be read leaves the links out, said once in
    /// the log; the server, which needs it too, then refuses to start.
    private static func replyLinks(_ configuration: DaemonConfiguration, databasePath: String, logger: Logger) -> ReplyLinks? {
        do {
            return try configuration.replyLinks(databasePath: databasePath, create: true)
        } catch {
            logger.log(.error, "reply links left out", ["error": error.description])
            return nil
        }
    }

    private var log: Logger { logger.withLock { $0 } }

    private var now: Int64 { Int64(clock().timeIntervalSince1970.rounded(.down)) }

    /// One tick and one dispatch round (`--once`); returns the number of messages sent.
    public func runOnce() throws -> Int {
        try tick()
        let started = ContinuousClock.now
        let round = try state.withLock { $0.dispatcher }.dispatchDue(
            now: { self.now }, shouldStop: { self.stopRequested.load(ordering: .relaxed) })
        let sent = round.outcomes.filter { if case .sent = $0 { true } else { false } }.count
        log.log(
            .info, "dispatch done",
            [
                "sent": String(sent), "attempts": String(round.outcomes.count),
                "duration_ms": Self.milliseconds(since: started),
            ])
        return sent
    }

    /// Elapsed monotonic time for the log (durations, never instants).
    private static func milliseconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - start
        return String(elapsed.components.seconds * 1_000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }

    /// Runs until SIGTERM or SIGINT; returns the exit status (success).
    public func run() -> ExitStatus {
        installSignalHandlers()
        var nextTick = Int64.min
        var pausedUntil: Int64?
        var seenVersion = (try? database.withDatabase { try $0.dataVersion() }) ?? 0
        notifier.notify("READY=1\nSTATUS=prêt, base \(setup.databasePath)\nMAINPID=\(getpid())")
        log.log(.info, "daemon started", ["pid": String(getpid())])
        while !stopRequested.load(ordering: .relaxed) {
            if reloadRequested.exchange(false, ordering: .relaxed) { reload() }
            let instant = now
            let version = (try? database.withDatabase { try $0.dataVersion() }) ?? seenVersion
            let (tickSeconds, pollSeconds) = state.withLock { ($0.configuration.tickSeconds, $0.configuration.pollSeconds) }
            do {
                if instant >= nextTick || version != seenVersion {
                    if version != seenVersion { log.log(.debug, "database changed, ticking early") }
                    seenVersion = version
                    try tick()
                    nextTick = instant + Int64(tickSeconds)
                }
                if pausedUntil.map({ instant >= $0 }) ?? true {
                    let dispatcher = state.withLock { $0.dispatcher }
                    let round = try dispatcher.dispatchDue(
                        now: { self.now },
                        shouldStop: {
                            self.pingWatchdogIfDue()
                            return self.stopRequested.load(ordering: .relaxed)
                        })
                    pausedUntil = round.pausedUntil
                    if let pausedUntil { log.log(.warning, "dispatch paused", ["until": String(pausedUntil)]) }
                }
                updateStatus()
            } catch {
                logDatabaseFailure(error)
            }
            pingWatchdogIfDue()
            _ = wake.wait(timeout: .now() + .seconds(pollSeconds))
        }
        notifier.notify("STOPPING=1\nSTATUS=arrêt")
        log.log(.info, "daemon stopping")
        return .success
    }

    /// Logs a failed database operation: the French sentence naming the database, SQLite's own
    /// words (or the program's) only in the `detail` field.
    func logDatabaseFailure(_ error: any Error) {
        let (message, detail) = DatabaseFailureText.logged(error, path: setup.databasePath)
        if let detail {
            log.log(.error, message, ["database": setup.databasePath, "detail": detail])
        } else {
            log.log(.error, message, ["database": setup.databasePath])
        }
    }

    private func tick() throws {
        let scheduler = state.withLock { $0.scheduler }
        let instant = now
        let started = ContinuousClock.now
        let report = try database.withDatabase { try scheduler.tick($0, at: instant) }
        let log = self.log
        let level: LogLevel = report.queued.isEmpty && report.superseded.isEmpty && report.skipped.isEmpty ? .debug : .info
        log.log(
            level, "tick done",
            [
                "queued": String(report.queued.count), "withdrawn": String(report.superseded.count),
                "skipped": String(report.skipped.count), "refused": String(report.failures.count),
                "duration_ms": Self.milliseconds(since: started),
            ])
        for key in report.queued {
            log.log(.info, "message queued", ["event": key.eventID, "rule": key.rule, "sequence": String(key.eventVersion)])
        }
        for entry in report.superseded {
            log.log(
                .info, "message withdrawn",
                [
                    "id": String(entry.id), "event": entry.eventID, "rule": entry.rule,
                    "reason": entry.lastError ?? "",
                ])
        }
        for entry in report.skipped {
            log.log(.warning, "stale message skipped", ["id": String(entry.id), "event": entry.eventID, "rule": entry.rule])
        }
        for failure in report.failures {
            log.log(.error, "reminder refused", ["error": failure.description])
        }
    }

    private func reload() {
        notifier.notify("RELOADING=1\nSTATUS=rechargement de la configuration")
        let path = setup.configurationFile
        do {
            let configuration = try DaemonConfiguration.load(path: path)
            let transport = try configuration.makeTransport(override: setup.transportOverride, environment: environment, now: clock)
            if !setup.databaseFromCommandLine, configuration.database != setup.databasePath {
                log.log(.warning, "database path change ignored until restart", ["file": path])
            }
            var newLogger = log
            newLogger.threshold = configuration.logLevel
            logger.withLock { $0 = newLogger }
            let fresh = Self.makeState(
                configuration, transport: transport, database: database, seasons: seasons, databasePath: setup.databasePath,
                logger: newLogger)
            state.withLock { $0 = fresh }
            log.log(.info, "configuration reloaded", ["file": path, "rules": String(configuration.policy.rules.count)])
        } catch {
            log.log(.error, "configuration refused, keeping the previous one", ["file": path, "error": "\(error)"])
        }
        notifier.notify("READY=1")
    }

    private func updateStatus() {
        guard notifier.isActive,
            let counts = try? database.withDatabase({ try OutboxStore($0).countsByStatus().map { "\($0.status.rawValue) \($0.count)" } })
        else { return }
        notifier.notify("STATUS=" + counts.joined(separator: ", "))
    }

    private func pingWatchdogIfDue() {
        guard let interval = notifier.watchdogInterval else { return }
        let nowNanos = DispatchTime.now().uptimeNanoseconds
        let half = UInt64(interval.components.seconds) * 500_000_000 + UInt64(interval.components.attoseconds / 2_000_000_000)
        if nowNanos - lastWatchdog.load(ordering: .relaxed) >= half {
            lastWatchdog.store(nowNanos, ordering: .relaxed)
            notifier.notify("WATCHDOG=1")
        }
    }

    /// Signal sources on their own queue; the default actions are ignored first, or the kernel
    /// would act on the signal (terminate) before the source saw it.
    private func installSignalHandlers() {
        var made: [any DispatchSourceSignal] = []
        for number in [SIGTERM, SIGINT, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: signalQueue)
            source.setEventHandler { @Sendable [weak self] in self?.received(number) }
            source.resume()
            made.append(source)
        }
        sources = made
    }

    private func received(_ number: Int32) {
        if number == SIGHUP {
            log.log(.info, "SIGHUP received, reloading")
            reloadRequested.store(true, ordering: .relaxed)
        } else {
            log.log(.info, "stop requested", ["signal": number == SIGTERM ? "TERM" : "INT"])
            stopRequested.store(true, ordering: .relaxed)
        }
        wake.signal()
    }
}
