import Foundation
import Mail

/// `tourneed --config FILE [--db PATH] [--transport URL] [--once] [--now TIME]`.
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

    /// A refused command line, with the reason.
    public struct UsageError: Error, Equatable, CustomStringConvertible {
        /// The reason, in French.
        public let description: String
    }

    /// Parses the arguments (without the program name).
    public init(arguments: [String]) throws(UsageError) {
        var configuration: String?
        var rest = arguments[...]
        once = false
        func value(_ option: String) throws(UsageError) -> String {
            guard let next = rest.popFirst(), !next.hasPrefix("--") else { throw UsageError(description: "\(option) demande une valeur") }
            return next
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--config": configuration = try value(argument)
            case "--db": database = try value(argument)
            case "--transport":
                let text = try value(argument)
                do {
                    transport = try TransportURL(parsing: text)
                } catch {
                    throw UsageError(description: "--transport : \(error)")
                }
            case "--once": once = true
            case "--now":
                let text = try value(argument)
                guard let instant = try? Date(text, strategy: .iso8601) else {
                    throw UsageError(description: "--now : instant ISO 8601 attendu (ex. 2027-05-08T09:00:00+02:00), trouvé « \(text) »")
                }
                now = instant
            default: throw UsageError(description: "argument inconnu « \(argument) »")
            }
        }
        guard let configuration else { throw UsageError(description: "--config FICHIER est obligatoire") }
        self.configuration = configuration
    }
}
