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
}
