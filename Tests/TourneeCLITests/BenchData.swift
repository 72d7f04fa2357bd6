import Foundation
import Routing
import Testing

/// The shared benchmark instances, copied into `Tests/Fixtures/shared-data/bench` so that a clone
/// tests on its own.
enum BenchData {
    /// The bench folder.
    static let folder = TourneeRun.repository.appendingPathComponent("Tests/Fixtures/shared-data/bench")

    /// The path of a bench file relative to the repository root, as a user would type it.
    static func path(_ relative: String) -> String { "Tests/Fixtures/shared-data/bench/" + relative }

    /// The text of a bench file; records a clear failure when the shared data is missing.
    static func text(_ relative: String) throws -> String {
        let url = folder.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            Issue.record("benchmark data missing: \(url.path) (expected Tests/Fixtures/shared-data/bench)")
            throw CocoaError(.fileNoSuchFile)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// A bench instance, read with the reader its extension selects.
    static func instance(_ relative: String) throws -> BenchmarkInstance {
        try BenchmarkReader.parse(text(relative), fileName: relative)
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tournee-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
