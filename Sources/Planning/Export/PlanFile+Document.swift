import CivilTime
import Foundation
import SeasonVocabulary
import TextFormats

extension PlanFile {
    /// The years a plan's dates may fall in: anything else is a typing slip (0100 for 2027).
    public static let plausibleYears = 2000...2100

    /// The whole plan, checked as a file: every fault is an issue naming the line and key, what
    /// was found and what was expected (dates in the season and in plausible years, instants
    /// written as `tournee plan` writes them for Paris, end after start, km ≥ 0, known statuses,
    /// valid mairie addresses, identifiers listed once). O(size of the text).
    public static func document(_ text: String, file: String) throws(SeasonError) -> PlanDocument {
        try document(try parsed(text, file: file), file: file)
    }

    /// The JSON of a file, or its syntax fault as the one issue.
    static func parsed(_ text: String, file: String) throws(SeasonError) -> JSONValue.Located {
        do { return try JSONParser.parse(text) } catch {
            throw SeasonError(issues: [
                FileIssue(.error, file: file, line: error.line, key: nil, message: "JSON mal formé : " + error.message)
            ])
        }
    }

    /// The whole plan from its parsed JSON.
    static func document(_ root: JSONValue.Located, file: String) throws(SeasonError) -> PlanDocument {
        let log = IssueLog()
        guard let top = JSONObjectReader(root, file: file, path: "", log: log) else { throw SeasonError(issues: log.issues) }
        let season = readSeason(top.object("season"), log: log)
        var communes: [String: PlanDocument.CommunePart] = [:]
        var events: [PlanDocument.EventPart] = []
        var seen: [String: Int] = [:]
        for item in top.array("events") ?? [] {
            guard let reader = JSONObjectReader(item.value, file: file, path: item.path, log: log) else { continue }
            let commune = readCommune(reader.object("commune"), log: log)
            guard let event = readEvent(reader, line: item.value.line, insee: commune?.insee, season: season, log: log),
                let commune
            else { continue }
            guard isFirst(event, reader, seen: &seen) else { continue }
            communes[commune.insee] = commune
            events.append(event)
        }
        guard !log.hasErrors, let season else { throw SeasonError(issues: SeasonLoader.sorted(log.issues)) }
        return PlanDocument(season: season, communes: communes.keys.sorted().compactMap { communes[$0] }, events: events)
    }

    /// Whether `event` is the first of the file with its id (noted in `seen`); logs a duplicate.
    static func isFirst(_ event: PlanDocument.EventPart, _ reader: JSONObjectReader, seen: inout [String: Int]) -> Bool {
        if let first = seen[event.id] {
            reader.log.error(
                reader.file, line: event.line, key: reader.keyPath("id"),
                "identifiant « \(event.id) » en double (déjà ligne \(first)) ; un identifiant par soirée attendu")
            return false
        }
        seen[event.id] = event.line
        return true
    }

    private static func readSeason(_ reader: JSONObjectReader?, log: IssueLog) -> PlanDocument.SeasonPart? {
        guard let reader else { return nil }
        let slug = reader.string("slug")
        let name = reader.string("name")
        let zone = reader.string("timeZone")
        let period = reader.object("period")
        let first = period.flatMap { plausible($0, "from") }
        let last = period.flatMap { plausible($0, "to") }
        if let zone, zone != "Europe/Paris" {
            log.error(reader.file, line: reader.line, key: reader.keyPath("timeZone"), "trouvé « \(zone) », attendu « Europe/Paris »")
        }
        guard let slug, let name, let zone, let first, let last, let period else { return nil }
        guard first <= last else {
            log.error(
                reader.file, line: period.line, key: period.keyPath("to"),
                "trouvé \(last), avant le début \(first) ; une fin au plus tôt le \(first) attendue")
            return nil
        }
        return PlanDocument.SeasonPart(slug: slug, name: name, period: DateRange(first, last), timeZone: zone)
    }

    private static func readCommune(_ reader: JSONObjectReader?, log: IssueLog) -> PlanDocument.CommunePart? {
        guard let reader else { return nil }
        let insee = reader.string("insee")
        let name = reader.string("name")
        let latitude = reader.number("lat", range: -90...90)
        let longitude = reader.number("lon", range: -180...180)
        let population = reader.integer("population", required: false, range: 0...100_000_000)
        let hasCafe = reader.bool("hasCafe", required: false) ?? false
        var mairie: PlanDocument.MairiePart?
        if let contact = reader.object("mairie", required: false), let email = contact.string("email") {
            if EmailAddressSyntax.isValid(email) {
                mairie = PlanDocument.MairiePart(name: contact.string("name", required: false), email: email)
            } else {
                log.error(
                    reader.file, line: contact.line, key: contact.keyPath("email"),
                    "trouvé « \(email) », attendu une adresse e-mail (nom@domaine.fr)")
            }
        }
        if let insee, insee.count != 5 {
            log.error(
                reader.file, line: reader.line, key: reader.keyPath("insee"), "trouvé « \(insee) », attendu un code INSEE à 5 caractères")
            return nil
        }
        guard let insee, let name, let latitude, let longitude else { return nil }
        return PlanDocument.CommunePart(
            insee: insee, name: name, latitude: latitude, longitude: longitude,
            population: population, hasCafe: hasCafe, mairie: mairie)
    }

    private static func readEvent(
        _ reader: JSONObjectReader, line: Int, insee: String?, season: PlanDocument.SeasonPart?,
        log: IssueLog
    ) -> PlanDocument.EventPart? {
        let id = reader.string("id")
        let date = plausible(reader, "date")
        let start = instant(reader, "start")
        let end = instant(reader, "end")
        let vehicle = reader.string("vehicle")
        let tour = reader.string("tour")
        let km = reader.number("km", range: 0...100_000)
        let status: EventStatus? = reader.choice("status")
        if let date, let season, !season.period.contains(date) {
            log.error(
                reader.file, line: line, key: reader.keyPath("date"),
                "trouvé \(date), hors de la saison ; une date du \(season.period.first) au \(season.period.last) attendue")
            return nil
        }
        guard let id, let date, let start, let end, let vehicle, let tour, let km, let status, let insee else { return nil }
        guard start.local.date == date else {
            log.error(
                reader.file, line: line, key: reader.keyPath("start"),
                "trouvé un début le \(start.local.date), attendu le jour de la soirée \(date)")
            return nil
        }
        guard end.instant > start.instant else {
            log.error(
                reader.file, line: line, key: reader.keyPath("end"),
                "trouvé une fin à \(end.local), attendu une fin après le début \(start.local)")
            return nil
        }
        return PlanDocument.EventPart(
            id: id, date: date, start: start.local, startsAt: start.instant, end: end.local,
            endsAt: end.instant, insee: insee, vehicle: vehicle, tour: tour, km: km,
            status: status, line: line)
    }

    /// A date in `plausibleYears`.
    private static func plausible(_ reader: JSONObjectReader, _ key: String) -> CivilDate? {
        guard let date = reader.date(key) else { return nil }
        guard plausibleYears.contains(date.year) else {
            reader.log.error(
                reader.file, line: reader.value(key, required: false)?.line ?? reader.line, key: reader.keyPath(key),
                "trouvé \(date), attendu une date entre \(plausibleYears.lowerBound) et \(plausibleYears.upperBound)")
            return nil
        }
        return date
    }

    /// An instant written as `tournee plan` writes it: ISO 8601 with the offset Paris clocks had
    /// (`2027-05-15T18:30:00+02:00`); its clock reading and Unix seconds.
    private static func instant(_ reader: JSONObjectReader, _ key: String) -> (local: LocalDateTime, instant: Int64)? {
        guard let text = reader.string(key) else { return nil }
        let characters = Array(text)
        if characters.count == 25, characters[10] == "T",
            let date = CivilDate(iso: String(characters[0..<10])), plausibleYears.contains(date.year),
            let time = LocalTime(text: String(characters[11..<16])), String(characters[16..<19]) == ":00",
            ParisTime.iso8601(on: date, at: time) == text
        {
            let local = LocalDateTime(date, time)
            return (local, Int64(ParisTime.instant(of: local).timeIntervalSince1970))
        }
        // When the date and the time can be read, the expected text is what Paris clocks show then
        // (a time skipped in spring is written an hour later, with the summer offset).
        var expected = "une date-heure ISO 8601 avec le décalage de Paris, comme 2027-05-15T18:30:00+02:00"
        if characters.count >= 16, let date = CivilDate(iso: String(characters[0..<10])),
            let time = LocalTime(text: String(characters[11..<16]))
        {
            expected = "« \(ParisTime.iso8601(on: date, at: time)) » (l'heure des horloges de Paris à cet instant, avec son décalage)"
        }
        reader.log.error(
            reader.file, line: reader.value(key, required: false)?.line ?? reader.line, key: reader.keyPath(key),
            "trouvé « \(text) », attendu \(expected)")
        return nil
    }
}
