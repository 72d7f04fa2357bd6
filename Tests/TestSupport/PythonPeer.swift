import Foundation

/// The Python interpreter the tests use as an independent peer (Python's `email`, the
/// `icalendar` package, aiosmtpd…): `TOURNEE_PYTHON`, else `<repo>/.venv/bin/python3`, which
/// `Tests/run` creates from `.ci/requirements-test.txt`.
public enum PythonPeer {
    /// The peer scripts every test target shares, in `Tests/Fixtures/python`.
    public static let scripts = Repository.url("Tests/Fixtures/python")

    /// The interpreter's path, or an error that says how to provide it.
    public static func interpreter() throws -> String {
        if let path = ProcessInfo.processInfo.environment["TOURNEE_PYTHON"], !path.isEmpty { return path }
        let path = Repository.url(".venv/bin/python3").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw SupportError(
                "no Python at \(path): run `Tests/run`, or `python3 -m venv .venv && .venv/bin/pip install -r .ci/requirements-test.txt`, or set TOURNEE_PYTHON"
            )
        }
        return path
    }

    /// Runs a script file with arguments to the end; a non-zero exit is an error with its stderr.
    public static func run(script: URL, _ arguments: [String]) throws -> Data {
        try run([script.path] + arguments, name: script.lastPathComponent)
    }

    /// Runs one of the shared scripts (`parse_message.py`…) and decodes its JSON output.
    public static func json<T: Decodable>(_ type: T.Type, _ script: String, _ arguments: [String]) throws -> T {
        try JSONDecoder().decode(T.self, from: run(script: scripts.appendingPathComponent(script), arguments))
    }

    /// Runs Python source given inline (`python -c`) with arguments, returning its standard output.
    public static func run(code: String, _ arguments: [String]) throws -> String {
        String(decoding: try run(["-c", code] + arguments, name: "python -c"), as: UTF8.self)
    }

    private static func run(_ arguments: [String], name: String) throws -> Data {
        let result = try ChildRun.toEnd(executable: interpreter(), arguments: arguments)
        guard result.status == 0 else {
            throw SupportError("\(name) exited \(result.status): \(String(decoding: result.stderr, as: UTF8.self))")
        }
        return result.stdout
    }
}

/// A failure of the test set-up, with its explanation.
public struct SupportError: Error, CustomStringConvertible {
    /// The explanation.
    public let description: String

    /// Creates an error.
    public init(_ description: String) { self.description = description }
}
