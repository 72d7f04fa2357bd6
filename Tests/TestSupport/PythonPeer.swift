import Foundation

/// The Python interpreter the tests use as an independent peer (Python's `email`, the
/// `icalendar` package, aiosmtpd…): `TOURNEE_PYTHON`, else `<repo>/.venv/bin/python3`, which
/// `.ci/run` creates from `.ci/requirements-test.txt`.
public enum PythonPeer {
    /// The repository root, found from this file's path.
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The interpreter's path, or an error that says how to provide it.
    public static func interpreter() throws -> String {
        if let path = ProcessInfo.processInfo.environment["TOURNEE_PYTHON"], !path.isEmpty { return path }
        let path = repository.appendingPathComponent(".venv/bin/python3").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw SupportError("no Python at \(path): run `bash .ci/run`, or `python3 -m venv .venv && .venv/bin/pip install -r .ci/requirements-test.txt`, or set TOURNEE_PYTHON")
        }
        return path
    }

    /// Runs a script file with arguments to the end; a non-zero exit is an error with its stderr.
    public static func run(script: URL, _ arguments: [String]) throws -> Data {
        try run([script.path] + arguments, name: script.lastPathComponent)
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
