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

    /// Creates a context.
    public init(console: Console, environment: [String: String], workingDirectory: URL) {
        self.console = console
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

    /// A path given on the command line, made absolute.
    public func url(for path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path)
    }
}
