import Foundation
import Glibc
import TestSupport
import Testing

/// Files named on the command line are read without blocking and within a size bound, by the
/// real binary: `record`, `schedule`, `report` and `bench` used Foundation's readers, which wait
/// forever for a writer on a FIFO and load any size. A child killed after 20 s fails the test
/// rather than hanging the run.
struct InputFileTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tournee-input-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(mkfifo(folder.appendingPathComponent("fifo").path, 0o600) == 0)
    }

    private func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, stderr: String) {
        let result = try ChildRun.toEnd(
            executable: try BuiltProgram.path("tournee"), arguments: arguments,
            environment: ["PATH": "/usr/bin:/bin"].merging(environment) { $1 },
            timeout: 20)
        #expect(!result.timedOut, "tournee \(arguments.joined(separator: " ")) blocked")
        return (result.status, String(decoding: result.stderr, as: UTF8.self))
    }

    @Test(arguments: [
        ["record", "--import", "FIFO"], ["schedule", "import", "FIFO"], ["report", "s", "--externalities", "FIFO"], ["bench", "FIFO"],
        ["check", Repository.url("tours/guinguette-2027").path, "FIFO"],
    ])
    func aFIFONamedOnTheCommandLineIsRefusedAtOnce(arguments: [String]) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("fifo").path
        let database = folder.appendingPathComponent("t.db").path
        let result = try run(
            arguments.map { $0 == "FIFO" ? fifo : $0 } + (arguments[0] == "bench" || arguments[0] == "check" ? [] : ["--db", database]))
        #expect(result.status == 66, "\(result.stderr)")
        #expect(result.stderr == "tournee: \(fifo) : c'est un tube nommé (FIFO), attendu un fichier ordinaire\n")
    }

    /// A sheet larger than any season's records is refused from its size, before it is read.
    @Test func aSheetBeyondTheSizeBoundIsRefusedBeforeItIsRead() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet = folder.appendingPathComponent("huge.csv").path
        #expect(FileManager.default.createFile(atPath: sheet, contents: nil))
        #expect(truncate(sheet, 64 * 1024 * 1024 + 1) == 0)
        let result = try run(["record", "--import", sheet, "--db", folder.appendingPathComponent("t.db").path])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr == "tournee: \(sheet) : 67108865 octets, au plus 67108864 attendus\n")
    }

    /// The national communes file is opened the same way, wherever `$TOURNEE_COMMUNES_FILE` points;
    /// it belongs to the installation, so the status is 69 as for a missing one.
    @Test(arguments: [
        ["validate", Repository.url("tours/guinguette-2027").path], ["communes", "--insee", "52448"],
    ])
    func aFIFOAsTheNationalCommunesFileIsRefusedAtOnce(arguments: [String]) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("fifo").path
        let result = try run(arguments, environment: ["TOURNEE_COMMUNES_FILE": fifo])
        #expect(result.status == 69, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("\(fifo): lecture impossible : c'est un tube nommé (FIFO), attendu un fichier ordinaire\n"))
    }
}
