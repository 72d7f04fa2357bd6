import CivilTime
import Planning
import SeasonVocabulary
import Store
import TextFormats

/// A change to a season's evenings refused because of the season's rules; nothing was written.
public enum LifecycleError: Error, Sendable {
    /// The change would break these rules, and was not forced.
    case rulesBroken([RuleBreach])
    /// The season being imported differs from the one the database keeps, and the change was
    /// not accepted: what changed, and what the changed season would break.
    case seasonChanged(seasonID: String, SeasonChange, breaks: [RuleBreach])
    /// Confirmed evenings the plan no longer holds, and the import was not forced.
    case confirmedAbsent([String])
    /// The plan is another season's than the season folder given with it.
    case otherSeason(plan: String, folder: String, folderSeason: String)
    /// A move outside the season's dates.
    case outsideSeason(date: CivilDate, season: SeasonRecord)
    /// A move to an evening that would end when it starts.
    case emptyEvening(eventID: String)
    /// The season the database keeps no longer loads (its issues).
    case keptSeasonUnreadable(seasonID: String, issues: [FileIssue])
    /// A re-plan of a season the database holds no evening of.
    case seasonNotImported(seasonID: String)
    /// A licence recorded for an evening its mairie has not agreed to (or called off).
    case licenceWithoutAgreement(eventID: String, status: EventStatus)

    /// The refusal in French, one line each, the last one saying what to do.
    public var lines: [String] {
        switch self {
        case .rulesBroken(let breaches):
            return breaches.map(\.description) + [
                "rien n'a changé ; --force avec --reason TEXTE en fait une exception voulue, gardée dans l'historique"
            ]
        case .seasonChanged(let id, let change, let breaks):
            var lines = ["la saison \(id) a changé depuis son dernier import :"] + change.items.map { "  \($0)" }
            if !breaks.isEmpty { lines += ["ce que la saison modifiée enfreindrait :"] + breaks.map { "  \($0)" } }
            return lines + ["rien n'a changé ; relancez avec --accept-season-change pour importer la saison modifiée"]
        case .confirmedAbsent(let ids):
            return ids.map { "soirée \($0) : confirmée, mais absente du plan" } + [
                "rien n'a changé ; replanifiez depuis la base pour la garder (tournee plan SAISON --db BASE, puis --apply), annulez-la (tournee event cancel), ou --force avec --reason TEXTE pour la garder telle quelle"
            ]
        case .otherSeason(let plan, let folder, let folderSeason):
            return [
                "le plan est celui de la saison « \(plan) », le dossier \(folder) celui de la saison « \(folderSeason) » ; rien n'a changé"
            ]
        case .outsideSeason(let date, let season):
            return ["--date \(date) : hors de la saison \(season.id) (du \(season.firstDate) au \(season.lastDate)) ; rien n'a changé"]
        case .emptyEvening(let id):
            return ["\(id) : la soirée doit durer (--start et --end égaux) ; rien n'a changé"]
        case .keptSeasonUnreadable(let id, let issues):
            return issues.filter { $0.severity == .error }.map(\.description) + [
                "la saison \(id) gardée dans la base ne se lit plus ; réimportez le plan avec son dossier de saison (--season)"
            ]
        case .seasonNotImported(let id):
            return [
                "la base ne connaît pas la saison \(id) : importez d'abord son plan (tournee schedule import SAISON/plan/plan.json)"
            ]
        case .licenceWithoutAgreement(let id, let status):
            return [
                "\(id) : soirée \(StoreText.french(status)) ; la licence se demande pour une soirée confirmée (tournee event confirm) ; rien n'a changé"
            ]
        }
    }
}
