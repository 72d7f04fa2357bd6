import CommandLineSupport
import Foundation

/// The `tournee` program: dispatches to a command and returns its exit status.
public enum Tournee {
    /// The program's version, printed by `--version`.
    public static let version = "0.1.0"

    /// Every command, in the order `--help` lists them.
    public static let commands: [any Command.Type] = [
        ValidateCommand.self, EveningsCommand.self, PlanCommand.self, CheckCommand.self, HolidaysCommand.self, CommunesCommand.self,
        DbCommand.self, ScheduleCommand.self, EventsCommand.self, EventCommand.self, RecordCommand.self, ReportCommand.self,
        OutboxCommand.self, AnswersCommand.self, UserCommand.self, LinksCommand.self,
        BenchCommand.self,
    ]

    /// The commands' names, in `--help` order.
    public static var commandNames: [String] { commands.map { $0.name } }

    /// The top-level help.
    public static var help: String {
        let width = commands.map { $0.name.count }.max() ?? 0
        let lines = commands.map { "  " + $0.name.padding(toLength: width + 3, withPad: " ", startingAt: 0) + $0.summary }
        return """
            tournee \(version) — planifie et suit les tournées de cafés itinérants

            Usage : tournee COMMANDE [ARGUMENTS…]

            Commandes :
            \(lines.joined(separator: "\n"))

            Options :
              -h, --help   affiche cette aide (tournee COMMANDE --help : l'aide d'une commande)
              --version    affiche la version

            """
    }

    /// Runs the program with `arguments` (without the program name).
    public static func main(_ arguments: [String], context: CommandContext) -> ExitStatus {
        guard let first = arguments.first else {
            context.console.err(help)
            return .usage
        }
        switch first {
        case "-h", "--help", "help":
            if first == "help", arguments.count > 1, let command = commands.first(where: { $0.name == arguments[1] }) {
                context.console.line(command.help)
            } else {
                context.console.out(help)
            }
            return .success
        case "--version":
            context.console.line("tournee \(version)")
            return .success
        default:
            break
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            context.console.error("commande inconnue « \(first) » ; voir tournee --help")
            return .usage
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            context.console.line(command.help)
            return .success
        }
        let clocked: CommandContext
        do { clocked = try CommandClock.apply(to: context) } catch {
            context.console.error(error.message)
            return .usage
        }
        return run(command, rest, context: clocked)
    }

    private static func run(_ command: any Command.Type, _ words: [String], context: CommandContext) -> ExitStatus {
        do {
            let parsed = try ArgumentParser.parse(words, spec: command.spec)
            let instance = try command.init(parsed)
            return instance.run(context)
        } catch {
            context.console.error("\(command.name) : \(error.message)")
            context.console.err("Usage : voir tournee \(command.name) --help\n")
            return .usage
        }
    }
}
