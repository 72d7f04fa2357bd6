import CommandLineSupport
import Foundation
import Planning

/// `--force` with `--reason TEXTE`: a change that breaks a season rule on purpose, kept in the
/// history as an exception with its reason.
enum ForceOption {
    /// The help lines of both options.
    static let help = """
          --force           fait une exception aux règles de la saison que le changement
                            enfreint (gardée dans l'historique, avec --reason)
        """

    /// The reason when `--force` is given, nil otherwise; a usage error without a reason.
    static func reason(_ arguments: ParsedArguments) throws(UsageError) -> String? {
        guard arguments.has("force") else { return nil }
        let reason = arguments.value("reason")?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !reason.isEmpty else { throw UsageError("--force demande --reason TEXTE : dites pourquoi l'exception") }
        return reason
    }

    /// Prints each breach accepted as an exception.
    static func print(_ accepted: [RuleBreach], context: CommandContext) {
        for breach in accepted { context.console.line("exception gardée : \(breach)") }
    }
}
