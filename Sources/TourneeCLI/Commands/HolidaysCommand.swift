import CommandLineSupport
import Planning

/// `tournee holidays ANNÉE`: the French public holidays of a year.
public struct HolidaysCommand: Command {
    public static let name = "holidays"
    public static let summary = "liste les jours fériés d'une année"
    public static let help = """
        Usage : tournee holidays ANNÉE [--alsace-moselle]

        Liste les jours fériés de France métropolitaine de ANNÉE (1900 à 2200), une ligne par
        jour : AAAA-MM-JJ, une tabulation, le nom.

        Options :
          --alsace-moselle   ajoute le Vendredi saint et la Saint-Étienne (Moselle, Bas-Rhin,
                             Haut-Rhin)
          -h, --help         affiche cette aide
        """
    public static let spec = ArgumentSpec(flags: ["alsace-moselle"], positionals: ["ANNÉE"])

    let year: Int
    let alsaceMoselle: Bool

    public init(_ arguments: ParsedArguments) throws(UsageError) {
        let text = arguments.positionals[0]
        guard let year = Int(text), FrenchHolidays.supportedYears.contains(year) else {
            throw UsageError(
                "ANNÉE : année entre \(FrenchHolidays.supportedYears.lowerBound) et \(FrenchHolidays.supportedYears.upperBound) attendue, trouvé « \(text) »"
            )
        }
        self.year = year
        alsaceMoselle = arguments.has("alsace-moselle")
    }

    public func run(_ context: CommandContext) -> ExitStatus {
        for holiday in FrenchHolidays.holidays(in: year, alsaceMoselle: alsaceMoselle) {
            context.console.line("\(holiday.date)\t\(holiday.name)")
        }
        return .success
    }
}
