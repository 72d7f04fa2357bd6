import CommandLineSupport
import Foundation

/// `TOURNEE_NOW`: the instant the commands take for "now" when the environment sets it, as
/// `tourneed --now` does for the daemon, so a season can be rehearsed (and tested through the
/// real program) at the dates it will be lived.
enum CommandClock {
    /// The variable's name.
    static let variable = "TOURNEE_NOW"

    /// `context` with its clock fixed at the instant `TOURNEE_NOW` gives, or unchanged when the
    /// variable is absent or empty; a usage error when it is not an ISO 8601 instant.
    static func apply(to context: CommandContext) throws(UsageError) -> CommandContext {
        guard let text = context.environment[variable], !text.isEmpty else { return context }
        guard let instant = try? Date(text, strategy: .iso8601) else {
            throw UsageError("\(variable) : instant ISO 8601 attendu (ex. 2027-05-08T09:00:00+02:00), trouvé « \(text) »")
        }
        return CommandContext(
            console: context.console, environment: context.environment, workingDirectory: context.workingDirectory,
            now: { instant })
    }
}
