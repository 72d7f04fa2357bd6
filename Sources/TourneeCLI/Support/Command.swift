import CommandLineSupport
import Foundation

/// A `tournee` subcommand: a type with its help text and argument specification, validated in
/// `init` (usage errors, exit 64) apart from `run` (everything else).
public protocol Command: Sendable {
    /// The word after `tournee` ("validate").
    static var name: String { get }
    /// One line for `tournee --help`.
    static var summary: String { get }
    /// The whole `--help` text.
    static var help: String { get }
    /// The arguments accepted.
    static var spec: ArgumentSpec { get }
    /// Checks the arguments; throws a usage error when they do not make sense together.
    init(_ arguments: ParsedArguments) throws(UsageError)
    /// Runs the command.
    func run(_ context: CommandContext) -> ExitStatus
}

/// What a command may use from its surroundings, injected so tests control it.
public struct CommandContext: Sendable {
    /// Where output goes.
    public let console: Console
    /// The environment variables.
    public let environment: [String: String]
    /// The folder relative paths are resolved against.
    public let workingDirectory: URL
    /// The current instant (the wall clock in production, a fixed instant in tests).
    public let now: @Sendable () -> Date

    /// Creates a context.
    public init(
        console: Console, environment: [String: String], workingDirectory: URL,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.console = console
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.now = now
    }

    /// A path given on the command line, made absolute.
    public func url(for path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path)
    }

    /// The UTF-8 text of a file named on the command line; nil, once the user has been told
    /// "`path` : `complaint`", when it is missing or unreadable (the command then exits 66).
    func text(of path: String, complaint: String) -> String? {
        guard let text = try? String(contentsOf: url(for: path), encoding: .utf8) else {
            console.error("\(path) : \(complaint)")
            return nil
        }
        return text
    }
}
