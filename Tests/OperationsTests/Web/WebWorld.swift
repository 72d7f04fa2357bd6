import Foundation
import Operations
import Store
import TestSupport

/// The 2023 Guinguette season in a database (and the small 2027 one beside it, another season
/// for the access checks), its first two evenings confirmed, its accounts — bruno (staff,
/// 2023, camion), eve (staff, 2023), anne (planner, every season), claire (planner, 2023 only)
/// —, and the real `tourneed` serving its pages on a free port of 127.0.0.1 at the Paris
/// instant `now` (its clock runs from there). Stopped with the test, whatever happens.
final class WebWorld {
    static let plan = Repository.url("Tests/TourneeCLITests/Fixtures/records/guinguette-2023/plan/plan.json").path
    static let password = "une phrase assez longue"
    let scratch: TemporaryDirectory
    let database: String
    let port: Int
    let configuration: String
    var baseURL: String { "http://127.0.0.1:\(port)" }
    private(set) var daemon: DaemonProcess

    init(now: String, confirmed: [String] = ["guinguette-2023-51315-1", "guinguette-2023-52203-2"]) throws {
        scratch = try TemporaryDirectory()
        database = scratch.file("t.db")
        // The season is imported at the world's instant, so that the daemon's messages are due then.
        let clock = ["TOURNEE_NOW": now]
        try Self.tournee(["db", "init", "--db", database], environment: clock)
        try Self.tournee(["schedule", "import", Self.plan, "--db", database, "--by", "test"], environment: clock)
        try Self.tournee(
            ["schedule", "import", PlanFixture.smallPlan, "--no-season", "--db", database, "--by", "test"], environment: clock)
        for id in confirmed {
            try Self.tournee(["event", "confirm", id, "--reason", "accord du maire", "--db", database, "--by", "test"], environment: clock)
        }
        let opened = try Database(path: database)
        let book = AccountBook(opened)
        try book.add(
            name: "bruno", role: .staff, password: Self.password, vehicle: "camion", seasons: ["guinguette-2023"], allSeasons: false, at: 0)
        try book.add(
            name: "eve", role: .staff, password: Self.password, vehicle: "camion", seasons: ["guinguette-2023"], allSeasons: false, at: 0)
        try book.add(name: "anne", role: .planner, password: Self.password, vehicle: nil, seasons: [], allSeasons: true, at: 0)
        try book.add(
            name: "claire", role: .planner, password: Self.password, vehicle: nil, seasons: ["guinguette-2023"], allSeasons: false, at: 0)
        try opened.close()
        port = try LoopbackPort.free()
        configuration = scratch.file("tourneed.json")
        try DaemonConfigurationText.make(
            database: database, transport: ["\"transport\": \"maildir:\(scratch.file("courrier"))\""],
            extra: ["\"http\": {\"listen\": \"127.0.0.1:\(port)\", \"baseURL\": \"http://127.0.0.1:\(port)\"}"]
        ).write(toFile: configuration, atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(
            atPath: Repository.url("config/externalities.json").path, toPath: scratch.file("externalities.json"))
        daemon = try Self.serve(configuration, now: now, scratch: scratch)
    }

    /// Stops the daemon and starts another on the same database at `now`, as a restart would.
    func restart(now: String) throws {
        daemon.signal(SIGTERM)
        _ = daemon.waitForExit(seconds: 10)
        daemon = try Self.serve(configuration, now: now, scratch: scratch)
    }

    private static func serve(_ configuration: String, now: String, scratch: TemporaryDirectory) throws -> DaemonProcess {
        let daemon = try DaemonProcess(["--config", configuration, "--now", now], scratch: scratch)
        guard DaemonProcess.waitUntil(seconds: 20, { daemon.stderr.contains("http listening") }) else {
            throw SupportError("tourneed did not serve: \(daemon.stderr)")
        }
        return daemon
    }

    deinit {
        daemon.signal(SIGTERM)
        _ = daemon.waitForExit(seconds: 10)
        scratch.remove()
    }

    /// The maildir the daemon writes its messages to.
    var mail: String { scratch.file("courrier") }

    /// The database, opened for the test's checks.
    func open() throws -> Database { try Database(path: database) }

    /// Runs `tournee` to the end; a failure is an error with its standard error.
    @discardableResult
    static func tournee(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let run = try ChildRun.toEnd(
            executable: try BuiltProgram.path("tournee"), arguments: arguments,
            environment: ProcessInfo.processInfo.environment.merging(environment) { $1 }, timeout: 120)
        guard run.status == 0 else {
            throw SupportError(
                "tournee \(arguments.joined(separator: " ")) exited \(run.status): \(String(decoding: run.stderr, as: UTF8.self))")
        }
        return String(decoding: run.stdout, as: UTF8.self)
    }
}
