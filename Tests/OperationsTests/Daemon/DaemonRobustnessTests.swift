import Foundation
import Glibc
import TestSupport
import Testing

@testable import Store

/// The real binary against what an operator's machine may hold: other names for the database,
/// a FIFO where a file was expected, a read-only folder, files that are not UTF-8 or too large.
@Suite(.serialized) struct DaemonRobustnessTests {
    static let now = DaemonFaultTests.importInstant

    /// A second daemon through a hard link used to open its own `-wal` and send every message again.
    @Test func aSecondDaemonThroughASymbolicOrHardLinkIsRefused() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let (first, configuration) = try DaemonProcess.firstInstance(in: scratch, now: Self.now)
        defer { first.signal(SIGKILL) }
        try FileManager.default.createDirectory(atPath: scratch.file("other"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.file("other/symbolic.db"), withDestinationPath: scratch.file("t.db"))
        #expect(link(scratch.file("t.db"), scratch.file("other/hard.db")) == 0)
        for name in ["other/symbolic.db", "other/hard.db", "other/../t.db"] {
            let second = try DaemonProcess.run(
                ["--config", configuration, "--db", scratch.file(name), "--now", Self.now], scratch: scratch)
            #expect(second.status == 75, "\(name): \(second.stderr)")
            #expect(
                second.stderr.contains(
                    "une autre instance de tourneed tourne déjà sur cette base (pid \(first.process.processIdentifier))"), "\(name)")
        }
    }

    /// A FIFO of mode 600 as the SMTP password used to block `open()` forever.
    @Test func aFIFOAsThePasswordFileIsRefusedAtOnce() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        #expect(mkfifo(scratch.file("smtp-password"), 0o600) == 0)
        let configuration = try TestConfiguration.write(
            in: scratch, port: try LoopbackPort.free(), user: "tournee", passwordFile: "smtp-password")
        try PlanFixture.database(at: scratch.file("t.db"))
        let daemon = try DaemonProcess(["--config", configuration, "--once", "--now", Self.now], scratch: scratch)
        defer { if daemon.process.isRunning { daemon.signal(SIGKILL) } }
        #expect(daemon.waitForExit(seconds: 10), "tourneed blocked on the FIFO")
        #expect(daemon.process.terminationStatus == 78)
        #expect(
            daemon.stderr.contains(
                "fichier secret \(scratch.file("smtp-password")) refusé : c'est un tube nommé (FIFO), attendu un fichier ordinaire de mode 600"
            ))
    }

    /// A read-only folder used to exit 75 as if another daemon held the lock.
    @Test func aReadOnlyFolderIsAnIOErrorNamingTheFolder() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer {
            chmod(scratch.file("ro"), 0o755)
            scratch.remove()
        }
        let folder = scratch.file("ro")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try PlanFixture.database(at: folder + "/t.db")
        let configuration = try TestConfiguration.write(in: scratch, port: try LoopbackPort.free(), database: folder + "/t.db")
        chmod(folder + "/t.db", 0o666)
        chmod(folder, 0o555)
        chmod(scratch.path, 0o755)
        chmod(scratch.file("tourneed.json"), 0o644)
        // Root writes anywhere: the check runs as an ordinary user, who may not reach the clone's
        // folder; so the daemon, its policy and its templates are copied where that user can read.
        let config = scratch.file("config")
        let daemon = scratch.file("tourneed")
        try FileManager.default.copyItem(atPath: PlanFixture.configFolder, toPath: config)
        try BuiltProgram.copy("tourneed", to: daemon)
        let text = try String(contentsOfFile: configuration, encoding: .utf8)
        try text.replacingOccurrences(of: PlanFixture.configFolder, with: config).write(
            toFile: configuration, atomically: true, encoding: .utf8)
        for path in [config, config + "/templates"] { chmod(path, 0o755) }
        chmod(configuration, 0o644)
        var command = [daemon, "--config", configuration, "--once", "--now", Self.now]
        if getuid() == 0 { command = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + command }
        let result = try ChildRun.toEnd(
            executable: command[0], arguments: Array(command.dropFirst()), environment: ["PATH": "/usr/bin:/bin"])
        let stderr = String(decoding: result.stderr, as: UTF8.self)
        #expect(result.status == 74, "\(stderr)")
        #expect(
            stderr.contains(
                "base \(folder)/t.db : le dossier \(folder) n'est pas accessible en écriture (permission refusée) ; SQLite y crée t.db-wal et -shm"
            ), "\(stderr)")
    }

    /// A database operation failing in the service loop used to log SQLite's English alone
    /// (`database error error="SQLite error 5 …: database is locked"`): the line is now a French
    /// sentence naming the database, SQLite's words only in the `detail` field.
    @Test func aDatabaseFailureInTheServiceLoopIsLoggedInFrenchNamingTheDatabase() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let configuration = try TestConfiguration.write(in: scratch, port: try LoopbackPort.free())
        let path = scratch.file("t.db")
        try PlanFixture.database(at: path)
        let daemon = try DaemonProcess(["--config", configuration, "--now", Self.now], scratch: scratch)
        defer { daemon.signal(SIGKILL) }
        #expect(DaemonProcess.waitUntil(seconds: 10) { daemon.stderr.contains("daemon started") })
        // Another program holds the write lock past the daemon's busy timeout (5 s).
        let holder = try Database(path: path, busyTimeoutMilliseconds: 10_000)
        try holder.execute("BEGIN EXCLUSIVE")
        let line =
            "error \(path) : base occupée par un autre programme (tourneed, une commande tournee, un outil SQLite ?) ; réessayez dans un instant database=\(path) detail=\"SQLite error 5"
        let logged = DaemonProcess.waitUntil(seconds: 20) { daemon.stderr.contains(line) }
        try holder.execute("ROLLBACK")
        try holder.close()
        #expect(logged, "\(daemon.stderr)")
        #expect(!daemon.stderr.contains("error database error"), "\(daemon.stderr)")
    }

    /// Bad configurations answer at once, in French, naming the file and what it is.
    @Test func badConfigurationFilesAreRefusedClearly() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        #expect(mkfifo(scratch.file("fifo.json"), 0o600) == 0)
        let fifo = try DaemonProcess(["--config", scratch.file("fifo.json")], scratch: scratch)
        defer { if fifo.process.isRunning { fifo.signal(SIGKILL) } }
        #expect(fifo.waitForExit(seconds: 10), "tourneed blocked on a FIFO as its configuration")
        #expect(fifo.process.terminationStatus == 78)
        #expect(
            fifo.stderr.contains(
                "\(scratch.file("fifo.json")) : lecture impossible : c'est un tube nommé (FIFO), attendu un fichier ordinaire"))
        var result = try DaemonProcess.run(["--config", scratch.path], scratch: scratch)
        #expect(result.status == 78)
        #expect(result.stderr.contains("\(scratch.path) : lecture impossible : c'est un dossier, attendu un fichier ordinaire"))
        let huge = scratch.file("huge.json")
        try Data(repeating: UInt8(ascii: " "), count: 2_000_000).write(to: URL(fileURLWithPath: huge))
        result = try DaemonProcess.run(["--config", huge], scratch: scratch)
        #expect(result.status == 78)
        #expect(result.stderr.contains("\(huge) : lecture impossible : 2000000 octets, au plus 1048576 attendus"))
        // A template saved in Latin-1 is "not UTF-8 at line 3", no longer "absent ou illisible".
        let configuration = try TestConfiguration.write(in: scratch, port: 25)
        let templates = scratch.file("templates")
        try FileManager.default.copyItem(atPath: PlanFixture.configFolder + "/templates", toPath: templates)
        try Data(Array("Objet : {commune}\n\nSoir".utf8) + [0xE9, UInt8(ascii: "e"), 0x0A])
            .write(to: URL(fileURLWithPath: templates + "/rappel-veille.txt"))
        let text = try String(contentsOfFile: configuration, encoding: .utf8)
        try text.replacingOccurrences(of: "\(PlanFixture.configFolder)/templates", with: templates)
            .write(toFile: configuration, atomically: true, encoding: .utf8)
        result = try DaemonProcess.run(["--config", configuration], scratch: scratch)
        #expect(result.status == 78)
        #expect(result.stderr.contains("\(templates)/rappel-veille.txt:3 : pas en UTF-8 : octet 0xE9 invalide"), "\(result.stderr)")
        // A key of the wrong type names the key and what it holds.
        try text.replacingOccurrences(of: "\"tickSeconds\": 1", with: "\"tickSeconds\": [1]")
            .write(toFile: configuration, atomically: true, encoding: .utf8)
        result = try DaemonProcess.run(["--config", configuration], scratch: scratch)
        #expect(result.status == 78)
        #expect(result.stderr.contains("clé « tickSeconds » : attendu : un nombre entier ; trouvé : une liste"), "\(result.stderr)")
    }
}
