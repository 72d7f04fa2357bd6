import Foundation
import Glibc

/// The package's executables as `swift build` leaves them, beside the test bundle (each test
/// target that runs one depends on it, so `swift test` builds it first).
public enum BuiltProgram {
    /// The path of the executable `name` (`tournee`, `tourneed`, `store-crash-writer`).
    public static func path(_ name: String) throws -> String {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent(),
        ]
        .map { $0.appendingPathComponent(name).path }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw SupportError("\(name) not found in \(candidates); build it with `swift build`")
        }
        return found
    }
}

extension BuiltProgram {
    /// Copies the executable `name` to `destination`, written through a descriptor closed on exec:
    /// a child another test starts while the copy is written cannot keep it open, which would
    /// make running the copy fail with "Text file busy" (ETXTBSY).
    public static func copy(_ name: String, to destination: String) throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: try path(name)))
        let descriptor = open(destination, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard descriptor >= 0 else { throw SupportError("cannot create \(destination): errno \(errno)") }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw SupportError("short write to \(destination): \(written) of \(bytes.count)") }
    }
}
