import Foundation
import Glibc
import TestSupport
import Testing

/// The real `tournee` against database paths and files that cannot work: each refusal is one
/// French sentence naming the file, with its sysexits status, and never SQLite's English.
struct DatabaseFileTests {
    let folder: URL
    let database: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tournee-dbfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = folder.appendingPathComponent("t.db").path
        let created = try run(["db", "init", "--db", database])
        #expect(created.status == 0, "\(created.stderr)")
    }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    private func run(_ arguments: [String], as command: [String]? = nil) throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        let command = try command ?? [BuiltProgram.path("tournee")]
        let result = try ChildRun.toEnd(
            executable: command[0], arguments: Array(command.dropFirst()) + arguments, environment: ["PATH": "/usr/bin:/bin"],
            timeout: 20)
        #expect(!result.timedOut, "tournee \(arguments.joined(separator: " ")) blocked")
        return (result.status, String(decoding: result.stdout, as: UTF8.self), String(decoding: result.stderr, as: UTF8.self))
    }

    /// A damaged page used to print SQLite's own lines (`*** in database main ***`, `Page 2: free
    /// space corruption`, `database disk image is malformed`).
    @Test func aDamagedPageIsReportedInFrench() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: database))
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: [0x0D, 0xFF, 0xFF, 0x00, 0x10])
        try handle.close()
        let result = try run(["db", "check", "--db", database])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(
            result.stdout
                == "contrôle d'intégrité : la page 2 du fichier est abîmée ; restaurez une sauvegarde\n"
                + "contrôle d'intégrité : la structure du fichier est abîmée ; restaurez une sauvegarde\n")
        #expect(result.stderr == "tournee: \(database) : 2 problème(s)\n")
    }

    /// A folder used to be "impossible d'ouvrir la base (un dossier, un dossier absent ou sans
    /// droit d'accès ?)" (74), a FIFO "erreur de lecture ou d'écriture du disque" (74).
    @Test func aFolderOrAFIFOAsTheDatabaseIsNamedForWhatItIs() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(mkfifo(path("fifo.db"), 0o600) == 0)
        for (name, kind) in [("", "un dossier"), ("fifo.db", "un tube nommé (FIFO)")] {
            let target = name.isEmpty ? folder.path : path(name)
            for command in [["db", "check"], ["events"], ["db", "init"]] {
                let result = try run(command + ["--db", target])
                #expect(result.status == 66, "\(command): \(result.stderr)")
                #expect(result.stderr == "tournee: \(target) : c'est \(kind), attendu un fichier de base SQLite\n", "\(command)")
            }
        }
        let empty = try run(["db", "check", "--db", ""])
        #expect(empty.status == 64)
        #expect(empty.stderr == "tournee: --db : chemin vide ; attendu le chemin d'un fichier\n")
    }

    /// A backup whose folder is missing named the *source* database (« impossible d'ouvrir la
    /// base »); a backup onto the database itself renamed a copy over the live base.
    @Test func aBackupThatCannotBeWrittenNamesTheCopy() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try run(["db", "backup", "--db", database, path("nowhere/copie.db")])
        #expect(missing.status == 73, "\(missing.stderr)")
        #expect(missing.stderr == "tournee: \(path("nowhere/copie.db")) : le dossier \(path("nowhere")) n'existe pas ; créez-le d'abord\n")
        let itself = try run(["db", "backup", "--db", database, folder.path + "/../" + folder.lastPathComponent + "/t.db"])
        #expect(itself.status == 64, "\(itself.stderr)")
        #expect(itself.stderr.hasSuffix(" : c'est la base elle-même (\(database)) ; attendu un autre chemin pour la copie\n"))
        let created = try run(["db", "init", "--db", path("nowhere/t.db")])
        #expect(created.status == 73, "\(created.stderr)")
        #expect(created.stderr == "tournee: \(path("nowhere/t.db")) : le dossier \(path("nowhere")) n'existe pas ; créez-le d'abord\n")
    }

    /// Creating a base or a copy in a folder the user may not write in said only « impossible
    /// d'ouvrir la base » and named the source for a copy. Run as an ordinary user (root writes
    /// anywhere), with the binary copied where that user can run it.
    @Test func aReadOnlyFolderIsNamedWithTheReason() throws {
        defer {
            chmod(path("ro"), 0o755)
            try? FileManager.default.removeItem(at: folder)
        }
        try FileManager.default.createDirectory(atPath: path("ro"), withIntermediateDirectories: true)
        let program = path("tournee")
        try BuiltProgram.copy("tournee", to: program)
        chmod(folder.path, 0o777)
        chmod(database, 0o666)
        chmod(path("ro"), 0o555)
        let command = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", program] : [program]
        let expected = "le dossier \(path("ro")) n'est pas accessible en écriture (permission refusée)"
        let created = try run(["db", "init", "--db", path("ro/t.db")], as: command)
        #expect(created.status == 73, "\(created.stderr)")
        #expect(created.stderr == "tournee: \(path("ro/t.db")) : création impossible, \(expected)\n")
        let copy = try run(["db", "backup", "--db", database, path("ro/copie.db")], as: command)
        #expect(copy.status == 73, "\(copy.stderr)")
        #expect(copy.stderr == "tournee: \(path("ro/copie.db")) : création impossible, \(expected)\n")
    }
}
