import CivilTime
import Foundation
import Planning
import Store
import TextFormats

/// A `plan.json` read for the database: the season, its host communes with their mairie
/// contacts, and the evenings as planned events.
public struct PlanImport: Sendable {
    /// The season (id = the plan's slug).
    public var season: SeasonRecord
    /// Host communes, by INSEE code, each with its contacts.
    public var communes: [(commune: CommuneRecord, contacts: [MairieContactRecord])]
    /// The evenings, in the plan's order.
    public var events: [PlannedEventRecord]

    /// Reads a plan text; every problem names the file, line and key. O(size of the text).
    public static func parse(_ text: String, file: String) throws(RecordsError) -> PlanImport {
        let root: JSONValue.Located
        do { root = try JSONParser.parse(text) } catch {
            throw RecordsError([.init(file: file, line: error.line, message: "JSON mal formé : " + error.message)])
        }
        var reader = PlanReader(file: file)
        let result = reader.read(root)
        guard reader.problems.isEmpty, let result else { throw RecordsError(reader.problems) }
        return result
    }

    /// Saves the season, communes and contacts and imports the events, all in one transaction:
    /// a plan that fails half-way leaves the database as it was. O(events + communes).
    public func apply(to database: Database, actor: String, at now: Int64) throws -> PlanImportSummary {
        try database.transaction {
            try SeasonStore(database).save(season)
            let store = CommuneStore(database)
            for entry in communes {
                if try store.commune(insee: entry.commune.insee) != entry.commune { try store.save(entry.commune) }
                if try store.contacts(insee: entry.commune.insee) != entry.contacts {
                    try store.replaceContacts(insee: entry.commune.insee, with: entry.contacts)
                }
            }
            return try EventStore(database).importPlan(events, seasonID: season.id,
                                                       reason: "import du plan", actor: actor, at: now)
        }
    }
}

/// Walks the parsed plan, collecting every problem rather than stopping at the first.
private struct PlanReader {
    let file: String
    var problems: [RecordsError.Problem] = []

    init(file: String) { self.file = file }

    mutating func read(_ root: JSONValue.Located) -> PlanImport? {
        guard let top = members(root, "") else { return nil }
        guard let seasonValue = top["season"], let season = members(seasonValue, "season") else {
            problem(root.line, "season", "objet « season » attendu")
            return nil
        }
        let slug = string(season, "slug", in: "season"), name = string(season, "name", in: "season")
        let zone = string(season, "timeZone", in: "season")
        var first: CivilDate?, last: CivilDate?
        if let period = season["period"].flatMap({ members($0, "season.period") }) {
            first = date(period, "from", in: "season.period")
            last = date(period, "to", in: "season.period")
        } else { problem(seasonValue.line, "season.period", "objet {from, to} attendu") }
        var communes: [String: (commune: CommuneRecord, contacts: [MairieContactRecord])] = [:]
        var events: [PlannedEventRecord] = []
        guard case .array(let items)? = top["events"]?.value else {
            problem(root.line, "events", "liste d'événements attendue")
            return nil
        }
        for (index, item) in items.enumerated() {
            let path = "events[\(index)]"
            guard let event = members(item, path) else { continue }
            let id = string(event, "id", in: path), vehicle = string(event, "vehicle", in: path)
            let day = date(event, "date", in: path)
            let start = instant(event, "start", in: path), end = instant(event, "end", in: path)
            let km = number(event, "km", in: path)
            let tour: String? = if case .string(let text)? = event["tour"]?.value { text } else { nil }
            guard let communeValue = event["commune"], let commune = readCommune(communeValue, path + ".commune") else {
                if event["commune"] == nil { problem(item.line, path + ".commune", "objet commune attendu") }
                continue
            }
            guard let id, let vehicle, let day, let start, let end, let km, let slug else { continue }
            guard start.local.date == day, end.instant > start.instant else {
                problem(item.line, path, "début et fin incohérents avec la date \(day)")
                continue
            }
            communes[commune.commune.insee] = commune
            let slot = EventSlot(date: day, localStart: start.local.time, localEnd: end.local.time,
                                 startsAt: start.instant, endsAt: end.instant)
            events.append(PlannedEventRecord(id: id, seasonID: slug, insee: commune.commune.insee, slot: slot,
                                       vehicle: vehicle, tour: tour, km: km))
        }
        guard let slug, let name, let zone, let first, let last else { return nil }
        let sorted = communes.keys.sorted().compactMap { communes[$0] }
        return PlanImport(season: SeasonRecord(id: slug, name: name, firstDate: first, lastDate: last, timeZone: zone),
                          communes: sorted, events: events)
    }

    private mutating func readCommune(_ value: JSONValue.Located, _ path: String) -> (commune: CommuneRecord, contacts: [MairieContactRecord])? {
        guard let object = members(value, path) else { return nil }
        let insee = string(object, "insee", in: path), name = string(object, "name", in: path)
        let lat = number(object, "lat", in: path), lon = number(object, "lon", in: path)
        let population: Int? = if case .number(let count, _)? = object["population"]?.value { Int(count) } else { nil }
        let hasCafe: Bool = if case .bool(let flag)? = object["hasCafe"]?.value { flag } else { false }
        var contacts: [MairieContactRecord] = []
        if let mairie = object["mairie"], case .object = mairie.value, let fields = members(mairie, path + ".mairie") {
            let email: String? = if case .string(let text)? = fields["email"]?.value { text } else { nil }
            if case .string(let contact)? = fields["name"]?.value { contacts.append(MairieContactRecord(name: contact, email: email)) }
        }
        guard let insee, let name, let lat, let lon else { return nil }
        guard insee.count == 5, (-90...90).contains(lat), (-180...180).contains(lon) else {
            problem(value.line, path, "code INSEE à 5 caractères et coordonnées WGS84 attendus")
            return nil
        }
        return (CommuneRecord(insee: insee, name: name, latitude: lat, longitude: lon, population: population, hasCafe: hasCafe), contacts)
    }

    private mutating func problem(_ line: Int, _ key: String, _ message: String) {
        problems.append(.init(file: file, line: line > 0 ? line : nil, key: key, message: message))
    }

    private mutating func members(_ value: JSONValue.Located, _ path: String) -> [String: JSONValue.Located]? {
        guard case .object(let list) = value.value else {
            problem(value.line, path.isEmpty ? "(racine)" : path, "objet attendu, trouvé \(value.value.typeName)")
            return nil
        }
        var result: [String: JSONValue.Located] = [:]
        for member in list { result[member.key] = member.value }
        return result
    }

    private mutating func string(_ object: [String: JSONValue.Located], _ key: String, in path: String) -> String? {
        guard let value = object[key] else { problem(0, path + "." + key, "clé manquante"); return nil }
        guard case .string(let text) = value.value, !text.isEmpty else {
            problem(value.line, path + "." + key, "texte non vide attendu, trouvé \(value.value.typeName)")
            return nil
        }
        return text
    }

    private mutating func number(_ object: [String: JSONValue.Located], _ key: String, in path: String) -> Double? {
        guard let value = object[key] else { problem(0, path + "." + key, "clé manquante"); return nil }
        guard case .number(let number, _) = value.value else {
            problem(value.line, path + "." + key, "nombre attendu, trouvé \(value.value.typeName)")
            return nil
        }
        return number
    }

    private mutating func date(_ object: [String: JSONValue.Located], _ key: String, in path: String) -> CivilDate? {
        guard let text = string(object, key, in: path) else { return nil }
        guard let date = CivilDate(iso: text) else {
            problem(object[key]!.line, path + "." + key, "date AAAA-MM-JJ attendue, trouvé « \(text) »")
            return nil
        }
        return date
    }

    /// An ISO 8601 date-time with offset (`2027-05-15T18:30:00+02:00`): its local date and
    /// `HH:MM`, and the instant in Unix seconds.
    private mutating func instant(_ object: [String: JSONValue.Located], _ key: String,
                                  in path: String) -> (local: LocalDateTime, instant: Int64)? {
        guard let text = string(object, key, in: path) else { return nil }
        let characters = Array(text)
        if characters.count == 25, characters[10] == "T", characters[19] == "+" || characters[19] == "-",
           let day = CivilDate(iso: String(characters[0..<10])),
           let time = LocalTime(text: String(characters[11..<16])), String(characters[16..<19]) == ":00",
           let hours = Int(String(characters[20..<22])), let minutes = Int(String(characters[23..<25])) {
            let offset = (hours * 3600 + minutes * 60) * (characters[19] == "-" ? -1 : 1)
            let seconds = Int64(day.daysSinceEpoch) * 86_400 + Int64(time.minutesSinceMidnight) * 60 - Int64(offset)
            return (LocalDateTime(day, time), seconds)
        }
        problem(object[key]!.line, path + "." + key, "date-heure ISO 8601 avec décalage attendue (2027-05-15T18:30:00+02:00), trouvé « \(text) »")
        return nil
    }
}
