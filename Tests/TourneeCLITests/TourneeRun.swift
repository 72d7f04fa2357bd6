import CommandLineSupport
import Foundation
import Synchronization
import TestSupport
import TourneeCLI

/// Runs `tournee` in-process with captured output, as a user would run it from `folder`.
struct TourneeRun {
    let status: ExitStatus
    let out: String
    let err: String

    static let fixtures = Repository.url("Tests/TourneeCLITests/Fixtures")
    static let golden = Repository.url("Tests/TourneeCLITests/Golden")

    init(_ arguments: [String], in folder: URL = Repository.root, environment: [String: String] = [:]) {
        let out = Mutex("")
        let err = Mutex("")
        let console = Console(out: { text in out.withLock { $0 += text } }, err: { text in err.withLock { $0 += text } })
        let context = CommandContext(
            console: console, environment: environment, workingDirectory: folder,
            now: { Date(timeIntervalSince1970: 1_800_000_000) })
        status = Tournee.main(arguments, context: context)
        self.out = out.withLock { $0 }
        self.err = err.withLock { $0 }
    }

    static func golden(_ name: String) throws -> String {
        try String(contentsOf: golden.appendingPathComponent(name), encoding: .utf8)
    }
}
