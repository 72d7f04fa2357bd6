import CommandLineSupport
import Planning

/// `tournee validate SAISON`: checks a season folder and lists every fault.
public struct ValidateCommand: Command {
    public static let name = "validate"
    public static let summary = "vérifie une saison et liste toutes ses erreurs"
    public static let help = """
        Usage : tournee validate SAISON

        Vérifie le dossier de saison SAISON (season.json et le fichier des communes) et liste
        toutes les erreurs d'un coup, chacune avec son fichier, sa ligne ou sa clé, et ce qui
        était attendu. Les avertissements n'empêchent pas de planifier.

        Statut de sortie : 0 saison valide, 65 données invalides, 66 dossier introuvable,
        64 mauvais usage.

        Options :
          -h, --help   affiche cette aide
        """
    public static let spec = ArgumentSpec(positionals: ["SAISON"])

    let path: String

    public init(_ arguments: ParsedArguments) throws(UsageError) {
        path = arguments.positionals[0]
    }

    public func run(_ context: CommandContext) -> ExitStatus {
        SeasonLoading.withSeason(path, context: context) { season, warnings in
            let evenings = season.tours.reduce(0) { $0 + $1.evenings }
            context.console.line(
                "\(path) : saison « \(season.name) » valide — \(season.tours.count) tournée\(season.tours.count > 1 ? "s" : ""), \(evenings) soirées, \(season.communes.count) communes, \(season.vehicles.count) véhicule\(season.vehicles.count > 1 ? "s" : "")"
                    + (warnings.isEmpty ? "" : ", \(warnings.count) avertissement\(warnings.count > 1 ? "s" : "")"))
            return .success
        }
    }
}
