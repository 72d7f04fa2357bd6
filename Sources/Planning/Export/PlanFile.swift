import CivilTime
import Foundation
import SeasonVocabulary
import TextFormats

/// Reads a `plan.json` back: the events a planner confirmed (or marked done) to keep when
/// re-planning, or every event to check a hand-edited plan.
///
/// Each event is checked against itself and its season before any rule is: a `start` or `end`
/// that disagrees with the `date` and the season's evening times, an end before the start,
/// negative kilometres or a date outside the season would otherwise be trusted by the checker
/// and sent on to the daemon.
public enum PlanFile {
    /// An event as written in a plan file.
    public struct Entry: Sendable, Hashable {
        /// The identifier.
        public let id: String
        /// The date.
        public let date: CivilDate
        /// The commune's INSEE code.
        public let insee: String
        /// The tour's name.
        public let tour: String
        /// The vehicle's identifier.
        public let vehicle: String
        /// The status.
        public let status: EventStatus
        /// The line of the file where the event starts.
        public let line: Int
    }

    /// The most kilometres one evening's drive may be written with: more is a typing error.
    static let maximumKilometres = 100_000.0

    /// Every event of the plan, checked for consistency with itself and with `season`; each
    /// fault is an issue naming the line and key.
    public static func entries(_ text: String, file: String, season: Season) throws(SeasonError) -> [Entry] {
        let root: JSONValue.Located
        do { root = try JSONParser.parse(text) } catch {
            throw SeasonError(issues: [FileIssue(.error, file: file, line: error.line, key: nil, message: "JSON mal formé : " + error.message)])
        }
        let log = IssueLog()
        var entries: [Entry] = []
        if let object = JSONObjectReader(root, file: file, path: "", log: log) {
            for item in object.array("events") ?? [] {
                guard let event = JSONObjectReader(item.value, file: file, path: item.path, log: log) else { continue }
                if let entry = readEvent(event, season: season) { entries.append(entry) }
            }
        }
        var seen: [String: Int] = [:]
        for entry in entries {
            if let first = seen[entry.id] { log.error(file, line: entry.line, key: "events", "identifiant « \(entry.id) » en double (déjà ligne \(first))") }
            seen[entry.id] = entry.line
        }
        guard !log.hasErrors else { throw SeasonError(issues: SeasonLoader.sorted(log.issues)) }
        return entries
    }

    /// The confirmed and done events, to keep where they are.
    public static func keptEvents(_ text: String, file: String, season: Season) throws(SeasonError) -> [KeptEvent] {
        try entries(text, file: file, season: season).filter(\.status.isFixed).map {
            KeptEvent(id: $0.id, insee: $0.insee, tour: $0.tour, date: $0.date, status: $0.status)
        }
    }

    private static func readEvent(_ event: JSONObjectReader, season: Season) -> Entry? {
        let errorsBefore = event.log.errorCount
        let id = event.singleLine("id"), date = event.date("date")
        let insee = event.object("commune")?.singleLine("insee")
        let tour = event.singleLine("tour"), vehicle = event.singleLine("vehicle")
        let status: EventStatus? = event.choice("status")
        _ = event.number("km", range: 0...maximumKilometres)
        _ = event.integer("minutes", required: false, range: 0...100_000)
        let start = instant(event, "start"), end = instant(event, "end")
        if let date {
            if !season.period.contains(date) {
                event.log.error(event.file, line: event.value("date", required: false)?.line ?? event.line, key: event.keyPath("date"),
                                "\(date) hors de la saison (\(season.period.first) → \(season.period.last))")
            } else if let start, let end {
                checkTimes(event, date: date, start: start, end: end, rules: season.evenings)
            }
        }
        guard event.log.errorCount == errorsBefore, let id, let date, let insee, let tour, let vehicle, let status else { return nil }
        return Entry(id: id, date: date, insee: insee, tour: tour, vehicle: vehicle, status: status, line: event.line)
    }

    /// The instant written under `key` and its text, logging when it is not an ISO 8601 date-time.
    private static func instant(_ event: JSONObjectReader, _ key: String) -> (instant: Date, text: String)? {
        guard let text = event.singleLine(key) else { return nil }
        guard let instant = PlanInstant.parse(text) else {
            event.log.error(event.file, line: event.value(key, required: false)?.line ?? event.line, key: event.keyPath(key),
                            "instant ISO 8601 attendu (comme 2027-06-04T18:30:00+02:00), trouvé « \(text) »")
            return nil
        }
        return (instant, text)
    }

    /// The start and end must be the instants the date and the season's evening times denote,
    /// under the rule of `ParisTime` (an end in the spring gap is read an hour later).
    private static func checkTimes(_ event: JSONObjectReader, date: CivilDate, start: (instant: Date, text: String),
                                   end: (instant: Date, text: String), rules: EveningRules) {
        func fault(_ key: String, _ message: String) {
            event.log.error(event.file, line: event.value(key, required: false)?.line ?? event.line, key: event.keyPath(key), message)
        }
        guard start.instant < end.instant else {
            fault("end", "la fin « \(end.text) » n'est pas après le début « \(start.text) »")
            return
        }
        let expectedStart = ParisTime.iso8601(on: date, at: rules.start)
        if ParisTime.instant(on: date, at: rules.start) != start.instant {
            fault("start", "« \(start.text) » ne correspond pas au \(date) à \(rules.start) (début des soirées de la saison) : « \(expectedStart) » attendu")
        }
        let endDate = rules.end <= rules.start ? date.adding(days: 1) : date
        let expectedEnd = ParisTime.iso8601(on: endDate, at: rules.end)
        if ParisTime.instant(on: endDate, at: rules.end) != end.instant {
            fault("end", "« \(end.text) » ne correspond pas au \(endDate) à \(rules.end) (fin des soirées de la saison, heure de Paris) : « \(expectedEnd) » attendu")
        }
    }
}
