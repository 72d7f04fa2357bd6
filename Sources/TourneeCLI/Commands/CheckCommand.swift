import CommandLineSupport
import Foundation
import Planning

/// `tournee check SAISON PLAN.json`: every rule a hand-edited plan breaks.
public struct CheckCommand: Command {
    public static let name = "check"
    public static let summary = "vérifie un plan modifié à la main contre les règles de la saison"
    public static let help = """
        Usage : tournee check SAISON PLAN.json

        Liste chaque règle de la saison que le plan enfreint, événement par événement, avec la
        ligne du fichier : soirée un jour exclu, commune indisponible ou qui ne reçoit pas ce
        jour-là, deux soirées le même soir pour un véhicule, visites trop rapprochées ou trop
        nombreuses, tournée qui n'a pas son nombre de soirées, trajet au-delà des limites.
        Les événements annulés sont ignorés. Chaque événement doit d'abord être cohérent :
        début et fin égaux à sa date aux heures des soirées de la saison (heure de Paris),
        fin après le début, kilomètres positifs, statut connu, date dans la saison.

        Statut de sortie : 0 plan conforme, 65 règle enfreinte ou fichier invalide,
        66 fichier introuvable, 64 mauvais usage.

        Options :
          -h, --help   affiche cette aide
        """
    public static let spec = ArgumentSpec(positionals: ["SAISON", "PLAN.json"])

    let seasonPath: String
    let planPath: String

    public init(_ arguments: ParsedArguments) throws(UsageError) {
        seasonPath = arguments.positionals[0]
        planPath = arguments.positionals[1]
    }

    public func run(_ context: CommandContext) -> ExitStatus {
        SeasonLoading.withSeason(seasonPath, context: context) { season, _ in check(season, context: context) }
    }

    private func check(_ season: Season, context: CommandContext) -> ExitStatus {
        let text: String
        switch InputFile.read(planPath, context: context) {
        case .success(let read): text = read
        case .failure(let failure): return failure.status
        }
        let entries: [PlanDocument.EventPart]
        do { entries = try PlanFile.entries(text, file: planPath, season: season) } catch {
            SeasonLoading.printIssues(error.issues, context: context)
            return .dataError
        }
        let issues = PlanChecker(season: season).check(entries, file: planPath)
        SeasonLoading.printIssues(issues, context: context)
        guard issues.isEmpty else {
            context.console.error(
                "\(planPath) : \(issues.count) règle\(issues.count > 1 ? "s" : "") enfreinte\(issues.count > 1 ? "s" : "")")
            return .dataError
        }
        let evenings = entries.filter { $0.status != .cancelled }.count
        context.console.line("\(planPath) : plan conforme — \(evenings) soirée\(evenings > 1 ? "s" : "")")
        return .success
    }
}
