import Foundation
import Testing

@testable import Routing

/// Locates the shared benchmark data and the test Python for the Formats tests.
enum FormatsTestSupport {
    /// `<repo root>`: this file is `<repo root>/Tests/RoutingTests/Formats/FormatsTestSupport.swift`.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `<repo root>/Tests/Fixtures/shared-data/bench`: the shared benchmark data, copied into the
    /// repository so that a clone tests on its own.
    static let benchFolder = repositoryRoot.appendingPathComponent("Tests/Fixtures/shared-data/bench", isDirectory: true)

    /// The text of a file under the bench folder; records a clear failure when the folder is missing.
    static func benchText(_ relativePath: String) throws -> String {
        let url = benchFolder.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            Issue.record("benchmark data missing: \(url.path) (expected Tests/Fixtures/shared-data/bench)")
            throw CocoaError(.fileNoSuchFile)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Relative paths (`folder/name`) of the files in a bench subfolder with the given extension, sorted.
    static func benchFiles(in folder: String, extension fileExtension: String) throws -> [String] {
        let url = benchFolder.appendingPathComponent(folder, isDirectory: true)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
            Issue.record("benchmark folder missing: \(url.path) (expected Tests/Fixtures/shared-data/bench)")
            throw CocoaError(.fileNoSuchFile)
        }
        return names.filter { $0.hasSuffix("." + fileExtension) }.sorted().map { folder + "/" + $0 }
    }

    /// Parses a shipped instance with the reader its extension selects.
    static func instance(_ relativePath: String) throws -> BenchmarkInstance {
        try BenchmarkReader.parse(benchText(relativePath), fileName: relativePath)
    }

    /// Writes `text` to a fresh temporary file named `name` and returns its path.
    static func temporaryFile(named name: String, contents text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("tournee-formats-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Catches the typed error of a reader call, failing the test when it does not throw.
    static func formatError<T>(_ body: () throws(BenchmarkFormatError) -> T) -> BenchmarkFormatError? {
        do {
            _ = try body()
            Issue.record("expected a BenchmarkFormatError")
            return nil
        } catch {
            return error
        }
    }
}
