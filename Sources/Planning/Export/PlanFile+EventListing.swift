import CivilTime
import SeasonVocabulary
import TextFormats

extension PlanFile {
    /// The keys of an evening in the listing `tournee events --json` writes.
    static let listingKeys = [
        "id", "season", "date", "start", "end", "startsAt", "endsAt", "insee", "commune", "tour", "vehicle", "km", "status",
        "version", "sequence",
    ]

    /// The evenings of a `tournee events --json` listing (a JSON array of evenings, as the
    /// database keeps them) as a plan's events: each read with its line, every fault an issue
    /// naming its key. When `season` is given, every evening must be of that season (a listing
    /// of several seasons is narrowed with `--season`). O(size of the listing).
    static func listing(_ root: JSONValue.Located, file: String, season: Season?) throws(SeasonError) -> [PlanDocument.EventPart] {
        guard case .array(let items) = root.value else { return [] }
        let log = IssueLog()
        var events: [PlanDocument.EventPart] = []
        var seen: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            guard let reader = JSONObjectReader(item, file: file, path: "[\(index)]", log: log) else { continue }
            reader.rejectUnknownKeys(listingKeys)
            guard let event = listedEvent(reader, season: season), isFirst(event, reader, seen: &seen) else { continue }
            events.append(event)
        }
        guard !log.hasErrors else { throw SeasonError(issues: SeasonLoader.sorted(log.issues)) }
        return events
    }

    /// One listed evening; nil once its faults are logged.
    private static func listedEvent(_ reader: JSONObjectReader, season: Season?) -> PlanDocument.EventPart? {
        let id = reader.string("id")
        let slug = reader.string("season")
        let date = reader.date("date")
        let start = reader.time("start")
        let end = reader.time("end")
        let startsAt = reader.integer("startsAt", range: 0...Int.max)
        let endsAt = reader.integer("endsAt", range: 0...Int.max)
        let insee = reader.string("insee")
        let tour = reader.string("tour", required: false)
        let vehicle = reader.string("vehicle")
        let km = reader.number("km", range: 0...100_000)
        let status: EventStatus? = reader.choice("status")
        if let slug, let season, slug != season.slug {
            reader.log.error(
                reader.file, line: reader.line, key: reader.keyPath("season"),
                "trouvé « \(slug) », attendu « \(season.slug) » : la liste ne doit tenir que les soirées de la saison (tournee events --season \(season.slug) --json)"
            )
            return nil
        }
        guard let id, let date, let start, let end, let startsAt, let endsAt, let insee, let vehicle, let km, let status else {
            return nil
        }
        guard endsAt > startsAt else {
            reader.log.error(
                reader.file, line: reader.line, key: reader.keyPath("endsAt"),
                "trouvé \(endsAt), attendu un instant après le début \(startsAt)")
            return nil
        }
        return PlanDocument.EventPart(
            id: id, date: date, start: LocalDateTime(date, start), startsAt: Int64(startsAt),
            end: LocalDateTime(end <= start ? date.adding(days: 1) : date, end), endsAt: Int64(endsAt), insee: insee,
            vehicle: vehicle, tour: tour ?? "", km: km, status: status, line: reader.line)
    }
}
