import CivilTime
import SeasonVocabulary
import TextFormats
/// Reads a `plan.json` back: the events a planner confirmed (or marked done) to keep when
/// re-planning, or every event to check a hand-edited plan.
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

    /// Every event of the plan; a fault is an issue naming the line and key.
    public static func entries(_ text: String, file: String) throws(SeasonError) -> [Entry] {
        let root: JSONValue.Located
        do { root = try JSONParser.parse(text) } catch {
            throw SeasonError(issues: [FileIssue(.error, file: file, line: error.line, key: nil, message: "JSON mal formé : " + error.message)])
        }
        let log = IssueLog()
        var entries: [Entry] = []
        if let object = JSONObjectReader(root, file: file, path: "", log: log) {
            for item in object.array("events") ?? [] {
                guard let event = JSONObjectReader(item.value, file: file, path: item.path, log: log) else { continue }
                let id = event.string("id"), date = event.date("date")
                let insee = event.object("commune")?.string("insee")
                let tour = event.string("tour"), vehicle = event.string("vehicle")
                let status: EventStatus? = event.choice("status")
                if let id, let date, let insee, let tour, let vehicle, let status {
                    entries.append(Entry(id: id, date: date, insee: insee, tour: tour, vehicle: vehicle, status: status, line: item.value.line))
                }
            }
        }
        var seen: [String: Int] = [:]
        for entry in entries {
            if let first = seen[entry.id] { log.error(file, line: entry.line, key: "events", "identifiant « \(entry.id) » en double (déjà ligne \(first))") }
            seen[entry.id] = entry.line
        }
        guard !log.hasErrors else { throw SeasonError(issues: log.issues) }
        return entries
    }

    /// The confirmed and done events, to keep where they are.
    public static func keptEvents(_ text: String, file: String) throws(SeasonError) -> [KeptEvent] {
        try entries(text, file: file).filter(\.status.isFixed).map {
            KeptEvent(id: $0.id, insee: $0.insee, tour: $0.tour, date: $0.date, status: $0.status)
        }
    }
}
