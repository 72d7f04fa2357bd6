import CivilTime
import Foundation
import SeasonVocabulary
import TextFormats

/// Reads a `plan.json` back — the one reader of the file (`PlanJSON` is the one writer): the whole
/// document for the database (`document(_:file:)`), the events checked against their season to
/// check a hand-edited plan (`entries(_:file:season:)`), or the events a planner confirmed (or
/// marked done) to keep when re-planning (`keptEvents(_:file:season:)`). The last two read as
/// well the evenings `tournee events --json` lists (a JSON array instead of a plan's object),
/// so the database's statuses can be kept too.
///
/// Each event is checked against itself and its season before any rule is: a `start` or `end`
/// that disagrees with the `date` and the season's evening times, an end before the start,
/// negative kilometres or a date outside the season would otherwise be trusted by the checker
/// and sent on to the daemon.
public enum PlanFile {
    /// Every event of the plan, checked for consistency with itself (`document`) and with
    /// `season`: its date in the season, its start and end the season's evening times on that
    /// date under `ParisTime`'s rule (an end in the spring gap is read an hour later). Each
    /// fault is an issue naming the line and key. O(size of the text).
    public static func entries(_ text: String, file: String, season: Season) throws(SeasonError) -> [PlanDocument.EventPart] {
        let root = try parsed(text, file: file)
        let listed: Bool
        if case .array = root.value { listed = true } else { listed = false }
        let events = listed ? try listing(root, file: file, season: season) : try document(root, file: file).events
        let log = IssueLog()
        // Both readers refused the file unless every event was read, so positions are the file's.
        for (index, event) in events.enumerated() {
            check(event, path: listed ? "[\(index)]" : "events[\(index)]", against: season, file: file, log: log)
        }
        guard !log.hasErrors else { throw SeasonError(issues: SeasonLoader.sorted(log.issues)) }
        return events
    }

    /// The confirmed and done events, to keep where they are; each must name one of the
    /// season's tours, or it could not be kept.
    public static func keptEvents(_ text: String, file: String, season: Season) throws(SeasonError) -> [KeptEvent] {
        let fixed = try entries(text, file: file, season: season).filter(\.status.isFixed)
        let tours = season.tours.map(\.name)
        let unknown = fixed.filter { !tours.contains($0.tour) }.map { event in
            FileIssue(
                .error, file: file, line: event.line, key: "\(event.id).tour",
                message:
                    "trouvé « \(event.tour) », attendu une tournée de la saison (\(tours.joined(separator: ", "))) : la soirée \(event.status == .done ? "faite" : "confirmée") ne serait pas gardée"
            )
        }
        guard unknown.isEmpty else { throw SeasonError(issues: unknown) }
        return fixed.map { KeptEvent(id: $0.id, insee: $0.insee, tour: $0.tour, date: $0.date, status: $0.status) }
    }

    /// The confirmed and done evenings of a file that is a plan or an events listing, unchecked
    /// against a season: what writing a new plan over it would lose. Nil when the text is
    /// neither (the caller says so rather than overwrite it). O(size of the text).
    public static func fixedEvents(_ text: String, file: String) -> [PlanDocument.EventPart]? {
        guard let root = try? parsed(text, file: file) else { return nil }
        if case .array = root.value { return (try? listing(root, file: file, season: nil))?.filter(\.status.isFixed) }
        return (try? document(root, file: file))?.events.filter(\.status.isFixed)
    }

    private static func check(_ event: PlanDocument.EventPart, path: String, against season: Season, file: String, log: IssueLog) {
        func fault(_ key: String, _ message: String) {
            log.error(file, line: event.line, key: path + "." + key, message)
        }
        guard season.period.contains(event.date) else {
            fault("date", "\(event.date) hors de la saison (\(season.period.first) → \(season.period.last))")
            return
        }
        let rules = season.evenings
        let expectedStart = ParisTime.instant(on: event.date, at: rules.start)
        if Int64(expectedStart.timeIntervalSince1970) != event.startsAt {
            fault(
                "start",
                "« \(event.start) » ne correspond pas au \(event.date) à \(rules.start) (début des soirées de la saison) : « \(ParisTime.iso8601(on: event.date, at: rules.start)) » attendu"
            )
        }
        let endDate = rules.end <= rules.start ? event.date.adding(days: 1) : event.date
        let expectedEnd = ParisTime.instant(on: endDate, at: rules.end)
        if Int64(expectedEnd.timeIntervalSince1970) != event.endsAt {
            fault(
                "end",
                "« \(event.end) » ne correspond pas au \(endDate) à \(rules.end) (fin des soirées de la saison, heure de Paris) : « \(ParisTime.iso8601(on: endDate, at: rules.end)) » attendu"
            )
        }
    }
}
