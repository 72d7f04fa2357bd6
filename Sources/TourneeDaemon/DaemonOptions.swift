import CommandLineSupport
import Foundation
import Mail

/// `tourneed --config FILE [--db PATH] [--transport URL] [--once] [--now TIME]`, read with the
/// argument parser `tournee` uses, so both programs answer a bad command line the same way.
public struct DaemonOptions: Equatable, Sendable {
    /// The configuration file.
    public var configuration: String
    /// Overrides the configuration's database.
    public var database: String?
    /// Overrides the configured transport.
    public var transport: TransportURL?
    /// One tick and one dispatch round, then exit.
    public var once: Bool
    /// Run as if the clock read this instant at start.
    public var now: Date?

    /// The usage text (French, for the operator).
    public static let usage = """
        usage : tourneed --config FICHIER [--db CHEMIN] [--transport URL] [--once] [--now INSTANT]
          --config FICHIER   configuration (ex. /etc/tournee/tourneed.json)
          --db CHEMIN        base SQLite (remplace la clé "database" de la configuration)
          --transport URL    smtp://hôte:port, sendmail:/usr/sbin/sendmail ou maildir:/chemin
          --once             un tour (décision et envoi) puis sortie, pour les tests et cron
          --now INSTANT      faire comme s'il était cet instant (ISO 8601, ex. 2027-05-08T09:00:00+02:00)
        """

    /// What the command line accepts: no positional argument.
    public static let spec = ArgumentSpec(
        options: [.init("config"), .init("db"), .init("transport"), .init("now")],
        flags: ["once"])

    /// Parses the arguments (without the program name).
    public init(arguments: [String]) throws(UsageError) {
        try self.init(try ArgumentParser.parse(arguments, spec: Self.spec))
    }

    /// Checks parsed arguments: `--config` is required, `--transport` and `--now` must make sense.
    public init(_ arguments: ParsedArguments) throws(UsageError) {
        guard let configuration = arguments.value("config") else { throw UsageError("--config FICHIER est obligatoire") }
        // An empty path would make the system look for a file named "", or SQLite open a
        // temporary database that vanishes at exit.
        for option in ["config", "db"] where arguments.value(option)?.isEmpty == true {
            throw UsageError("--\(option) : chemin vide ; attendu le chemin d'un fichier")
        }
        self.configuration = configuration
        database = arguments.value("db")
        once = arguments.has("once")
        if let text = arguments.value("transport") {
            do {
                transport = try TransportURL(parsing: text)
            } catch {
                throw UsageError("--transport : \(error)")
            }
        }
        if let text = arguments.value("now") {
            guard let instant = try? Date(text, strategy: .iso8601) else {
                throw UsageError("--now : instant ISO 8601 attendu (ex. 2027-05-08T09:00:00+02:00), trouvé « \(text) »")
            }
            now = instant
        }
    }
}
