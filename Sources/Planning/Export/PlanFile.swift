import CivilTime
import Foundation
import SeasonVocabulary
import TextFormats

/// Reads a `plan.json` back — the one reader of the file (`PlanJSON` is the one writer): the whole
/// document for the database (`document(_:file:)`), the events checked against their season to
/// check a hand-edited plan (`entries(_:file:season:)`), or the events a planner confirmed (or
/// marked done) to keep when re-planning (`keptEvents(_:file:season:)`).
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
        let document = try document(text, file: file)
        let log = IssueLog()
        // `document` refused the file unless every event was read, so positions are the file's.
        for (index, event) in document.events.enumerated() {
            check(event, path: "events[\(index)]", against: season, file: file, log: log)
        }
        guard !log.hasErrors else { throw SeasonError(issues: SeasonLoader.sorted(log.issues)) }
        return document.events
    }

    /// The confirmed and done events, to keep where they are.
    public static func keptEvents(_ text: String, file: String, season: Season) throws(SeasonError) -> [KeptEvent] {
        try entries(text, file: file, season: season).filter(\.status.isFixed).map {
            KeptEvent(id: $0.id, insee: $0.insee, tour: $0.tour, date: $0.date, status: $0.status)
        }
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
