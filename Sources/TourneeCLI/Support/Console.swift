import Foundation

/// Where a command writes: standard output for results, standard error for diagnostics.
///
/// Commands never call `print`, so tests capture both streams whole and pin them.
public struct Console: Sendable {
    /// Writes to standard output.
    public let out: @Sendable (String) -> Void
    /// Writes to standard error.
    public let err: @Sendable (String) -> Void

    /// Creates a console from two writers.
    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void) {
        self.out = out
        self.err = err
    }

    /// The process's standard output and error, written unbuffered.
    public static let standard = Console(
        out: { FileHandle.standardOutput.write(Data($0.utf8)) },
        err: { FileHandle.standardError.write(Data($0.utf8)) })

    /// Writes a line to standard output.
    public func line(_ text: String = "") { out(text + "\n") }

    /// Writes a diagnostic line to standard error, prefixed with the program's name.
    public func error(_ text: String) { err("tournee: " + text + "\n") }
}
