import Foundation
import Testing

/// Runs the test Python (env `TOURNEE_PYTHON`, else `<repo>/.venv/bin/python3`) on the scripts in `Fixtures/`.
enum Python {
    /// The folder holding the Python fixture scripts.
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The repository root, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The interpreter, or a failure that says how to provide it.
    static func interpreter() throws -> String {
        if let path = ProcessInfo.processInfo.environment["TOURNEE_PYTHON"], !path.isEmpty { return path }
        let path = repositoryRoot.appendingPathComponent(".venv/bin/python3").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw TestFailure("no Python at \(path): run `python3 -m venv .venv && .venv/bin/pip install -r .ci/requirements-test.txt` or set TOURNEE_PYTHON")
        }
        return path
    }

    /// Runs a fixture script to completion and returns its standard output; a non-zero exit fails.
    static func run(_ script: String, _ arguments: [String]) throws -> Data {
        let result = try Child.runToEnd(
            executable: try interpreter(),
            arguments: [fixtures.appendingPathComponent(script).path] + arguments)
        guard result.status == 0 else {
            throw TestFailure("\(script) exited \(result.status): \(String(decoding: result.stderr, as: UTF8.self))")
        }
        return result.stdout
    }

    /// Runs a fixture script and decodes its JSON output.
    static func json<T: Decodable>(_ type: T.Type, _ script: String, _ arguments: [String]) throws -> T {
        try JSONDecoder().decode(T.self, from: run(script, arguments))
    }
}

/// A failure in the test set-up, with its explanation.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
