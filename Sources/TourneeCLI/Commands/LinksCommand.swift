import CommandLineSupport
import Foundation
import Operations

/// `tournee links rotate`: adds a fresh key to the mairies' links' key ring.
public struct LinksCommand: Command {
    public static let name = "links"
    public static let summary = "ajoute une clé au trousseau des liens des mairies (rotation)"
    public static let help = """
        Usage : tournee links rotate [--key-file FICHIER] [--db FICHIER] [--config FICHIER]

        Ajoute au trousseau une clé neuve de 32 octets aléatoires : les liens envoyés ensuite
        sont signés avec elle ; les clés plus anciennes restent dans le fichier, si bien que les
        liens déjà envoyés restent valides jusqu'à leur expiration (trois jours après la
        soirée). Le fichier reste en mode 0600, remplacé d'un coup (jamais à moitié écrit).
        Redémarrez ensuite tourneed, qui lit le trousseau au démarrage.

        Options :
          --key-file FICHIER  le trousseau (sinon « link-keys » à côté de la base, le défaut
                              de tourneed sans clé http.keyFile)
        \(DatabaseAccess.help)
          -h, --help        affiche cette aide
        """
    public static let spec = ArgumentSpec(
        options: DatabaseAccess.options + [.init("key-file")], positionals: ["ACTION"], minimumPositionals: 1, maximumPositionals: 1)

    let keyFile: String?
    let access: DatabaseAccess

    public init(_ arguments: ParsedArguments) throws(UsageError) {
        guard arguments.positionals[0] == "rotate" else { throw UsageError("action inconnue « \(arguments.positionals[0]) » (rotate)") }
        keyFile = arguments.value("key-file")
        access = DatabaseAccess(arguments)
    }

    public func run(_ context: CommandContext) -> ExitStatus {
        let path: String
        if let keyFile {
            path = context.url(for: keyFile).path
        } else {
            switch access.path(context) {
            case .failure(let failure): return failure.report(context)
            case .success(let database):
                path = HTTPSettings.defaultKeyFile(databasePath: database)
            }
        }
        do {
            let ring = try LinkKeyRingFile.rotate(path: path)
            context.console.line(
                "Clé \(ring.newest.id) ajoutée : \(path) (\(ring.keys.count) clés ; les liens déjà envoyés restent valides) — redémarrez tourneed"
            )
            return .success
        } catch {
            context.console.error(error.description)
            switch error {
            case .missing: return .noInput
            case .unreadable, .cannotWrite: return .ioError
            case .tooOpen, .malformed: return .dataError
            }
        }
    }
}
