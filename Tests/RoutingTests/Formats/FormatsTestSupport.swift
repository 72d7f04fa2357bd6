import Foundation
import Testing

@testable import Routing

/// Locates the shared benchmark data and the test Python for the Formats tests.
enum FormatsTestSupport {
    /// `<repo root>`: this file is `<repo root>/Tests/RoutingTests/Formats/FormatsTestSupport.swift`.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `<repo root>/../shared/data/bench`, where CI places the shared data beside the clone.
    static let benchFolder = repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/data/bench", isDirectory: true)

    /// The text of a file under the bench folder; records a clear failure when the folder is missing.
    static func benchText(_ relativePath: String) throws -> String {
        let url = benchFolder.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            Issue.record("benchmark data missing: \(url.path) (expected ../shared/data/bench beside the repository)")
            throw CocoaError(.fileNoSuchFile)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Relative paths (`folder/name`) of the files in a bench subfolder with the given extension, sorted.
    static func benchFiles(in folder: String, extension fileExtension: String) throws -> [String] {
        let url = benchFolder.appendingPathComponent(folder, isDirectory: true)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
            Issue.record("benchmark folder missing: \(url.path) (expected ../shared/data/bench beside the repository)")
            throw CocoaError(.fileNoSuchFile)
        }
        return names.filter { $0.hasSuffix("." + fileExtension) }.sorted().map { folder + "/" + $0 }
    }

    /// Parses a shipped instance with the reader its extension selects.
    static func instance(_ relativePath: String) throws -> BenchmarkInstance {
        try BenchmarkReader.parse(benchText(relativePath), fileName: relativePath)
    }

    /// `TOURNEE_PYTHON`, else `<repo root>/.venv/bin/python3` (made by `.ci/run` from `.ci/requirements-test.txt`).
    static func pythonPath() throws -> String {
        let path = ProcessInfo.processInfo.environment["TOURNEE_PYTHON"]
            ?? repositoryRoot.appendingPathComponent(".venv/bin/python3").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            Issue.record("""
                python not found at \(path): create it with `python3 -m venv .venv && \
                .venv/bin/pip install -r .ci/requirements-test.txt` or set TOURNEE_PYTHON
                """)
            throw CocoaError(.fileNoSuchFile)
        }
        return path
    }

    /// Runs a Python script with arguments and returns its standard output; a non-zero exit is a test failure.
    static func runPython(_ script: String, arguments: [String] = []) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try pythonPath())
        process.arguments = ["-c", script] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errorText = String(decoding: errorData, as: UTF8.self)
        try #require(process.terminationStatus == 0, "python failed: \(errorText)")
        return String(decoding: outputData, as: UTF8.self)
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
