import CivilTime
import Foundation
import TextFormats

/// Reads a season folder (`season.json` and the communes CSV it names) into a `Season`,
/// reporting every fault at once with file, line and key.
public struct SeasonLoader {
    /// The national communes file, used for communes given by INSEE code alone.
    public let directory: CommuneDirectory

    /// The season file's name inside a season folder.
    public static let seasonFileName = "season.json"

    /// Creates a loader that resolves INSEE codes with `directory`.
    public init(directory: CommuneDirectory) { self.directory = directory }

    /// Loads and validates the season in `folder`; `displayPath` is how the folder is named in
    /// messages (as the user typed it). Warnings come back with the season; errors are thrown.
    public func load(folder: URL, displayPath: String) throws(SeasonError) -> (season: Season, warnings: [FileIssue]) {
        let loaded = try read(folder: folder, displayPath: displayPath)
        return (loaded.season, loaded.warnings)
    }

    /// Loads and validates the season in `folder`, with the texts of the files it read.
    public func read(folder: URL, displayPath: String) throws(SeasonError) -> LoadedSeason {
        try load(SeasonFileSource(folder: folder), displayPath: displayPath)
    }

    /// Loads and validates a season from the texts a database kept, as it was when imported.
    public func read(stored files: SeasonFiles, displayPath: String) throws(SeasonError) -> LoadedSeason {
        try load(SeasonFileSource(stored: files), displayPath: displayPath)
    }

    private func load(_ files: SeasonFileSource, displayPath: String) throws(SeasonError) -> LoadedSeason {
        let log = IssueLog()
        let file = Self.join(displayPath, Self.seasonFileName)
        var unopened = false
        guard let text = readText(Self.seasonFileName, from: files, display: file, log: log, missingInput: &unopened) else {
            throw SeasonError(issues: log.issues, missingInput: unopened)
        }
        let root: JSONValue.Located
        do { root = try JSONParser.parse(text) } catch {
            throw SeasonError(issues: [
                FileIssue(.error, file: file, line: error.line, key: nil, message: "JSON mal formé : " + error.message)
            ])
        }
        guard let season = readSeason(root, files: files, displayPath: displayPath, file: file, log: log) else {
            throw SeasonError(issues: Self.sorted(log.issues))
        }
        SeasonValidator(season: season, file: file, communesFile: Self.join(displayPath, season.communesFile), log: log).validate()
        let issues = Self.sorted(log.issues)
        guard !log.hasErrors else { throw SeasonError(issues: issues) }
        return LoadedSeason(season: season, warnings: issues, files: SeasonFiles(folder: files.folder, files: files.read))
    }

    /// A file name joined to a folder path as the user typed it.
    public static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// Issues in file order, then line order, keeping discovery order on ties.
    static func sorted(_ issues: [FileIssue]) -> [FileIssue] {
        issues.enumerated().sorted { a, b in
            if a.element.file != b.element.file { return a.element.file < b.element.file }
            let lineA = a.element.line ?? 0
            let lineB = b.element.line ?? 0
            return lineA != lineB ? lineA < lineB : a.offset < b.offset
        }.map(\.element)
    }

    /// The largest season file read: a national communes file is 3.5 MB; far more is not a season.
    public static let maximumFileSize = 64 * 1024 * 1024

    /// The text of the season file `name`, or nil after logging why not; `missingInput` says
    /// whether nothing readable was there (rather than a refused content).
    private func readText(
        _ name: String, from files: SeasonFileSource, display: String, log: IssueLog, missingInput: inout Bool
    ) -> String? {
        let text: String
        do { text = try files.text(name, limit: Self.maximumFileSize) } catch {
            log.error(display, line: error.line, key: nil, error.reason)
            missingInput = error.isMissingInput
            return nil
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            log.error(display, line: 1, key: nil, "fichier vide")
            return nil
        }
        return text
    }

    private func readText(_ name: String, from files: SeasonFileSource, display: String, log: IssueLog) -> String? {
        var missingInput = false
        return readText(name, from: files, display: display, log: log, missingInput: &missingInput)
    }

    private func readSeason(_ root: JSONValue.Located, files: SeasonFileSource, displayPath: String, file: String, log: IssueLog) -> Season?
    {
        guard let object = JSONObjectReader(root, file: file, path: "", log: log) else { return nil }
        object.rejectUnknownKeys([
            "name", "period", "evenings", "tours", "vehicles", "communesFile",
            "minDaysBetweenVisits", "objective", "seed", "distances",
        ])
        let name = object.singleLine("name")
        let period = readRange(object.object("period"))
        // Each array is asked for once: asking again would log a missing key twice.
        let vehicleItems = object.array("vehicles")
        let vehicles = (vehicleItems ?? []).compactMap { readVehicle($0.value, path: $0.path, file: file, log: log) }
        if let items = vehicleItems, items.isEmpty {
            log.error(file, line: object.line, key: "vehicles", "au moins un véhicule ou une compagnie attendu")
        }
        let evenings = object.object("evenings").flatMap { readEvenings($0, files: files, displayPath: displayPath) }
        let vehicleIDs = Self.declaredIDs(object.value("vehicles", required: false))
        let tourItems = object.array("tours")
        let tours = (tourItems ?? []).compactMap { readTour($0.value, path: $0.path, vehicleIDs: vehicleIDs, file: file, log: log) }
        if let items = tourItems, items.isEmpty {
            log.error(file, line: object.line, key: "tours", "au moins une tournée attendue")
        }
        let minDays = object.integer("minDaysBetweenVisits", required: false, range: 0...366) ?? 0
        let objective = readObjective(object.object("objective", required: false))
        let seedValue = object.integer("seed", required: false, range: 0...Int.max) ?? 0
        let distances = readDistances(object.object("distances", required: false), files: files, displayPath: displayPath)
        let communesFile = object.singleLine("communesFile")
        var communes: [Commune] = []
        if let communesFile {
            let reader = CommunesCSVReader(directory: directory, file: Self.join(displayPath, communesFile), log: log)
            if let text = readText(communesFile, from: files, display: reader.file, log: log) {
                communes = reader.read(text)
            }
        }
        guard let name, let period, let evenings, let objective, let distances, let communesFile, !log.hasErrors else { return nil }
        return Season(
            name: name, directory: files.folder, period: period, evenings: evenings, tours: tours,
            vehicles: vehicles, communesFile: communesFile, communes: communes, minDaysBetweenVisits: minDays,
            objective: objective, seed: UInt64(seedValue), distances: distances)
    }

    private func readRange(_ object: JSONObjectReader?) -> DateRange? {
        guard let object else { return nil }
        object.rejectUnknownKeys(["from", "to"])
        guard let from = object.date("from"), let to = object.date("to") else { return nil }
        // Planning a season the holiday rules do not cover would silently ignore its holidays.
        let years = FrenchHolidays.supportedYears
        for (key, date) in [("from", from), ("to", to)] where !years.contains(date.year) {
            object.log.error(
                object.file, line: object.value(key, required: false)?.line ?? object.line, key: object.keyPath(key),
                "année \(date.year) hors du calendrier des jours fériés : une saison entre \(years.lowerBound) et \(years.upperBound) est attendue"
            )
        }
        guard years.contains(from.year), years.contains(to.year) else { return nil }
        guard from <= to else {
            object.log.error(object.file, line: object.line, key: object.keyPath("to"), "la fin (\(to)) précède le début (\(from))")
            return nil
        }
        return DateRange(from, to)
    }

    private func readEvenings(_ object: JSONObjectReader, files: SeasonFileSource, displayPath: String) -> EveningRules? {
        object.rejectUnknownKeys(["weekdays", "start", "end", "blackouts", "publicHolidays", "alsaceMoselle", "schoolHolidays"])
        let weekdays = readWeekdays(object, key: "weekdays")
        let start = object.time("start")
        let end = object.time("end")
        if let start, let end, start == end {
            object.log.error(object.file, line: object.line, key: object.keyPath("end"), "la soirée doit durer : fin égale au début")
        }
        var blackouts: [Blackout] = []
        for item in object.array("blackouts", required: false) ?? [] {
            if case .string(let text) = item.value.value {
                if let range = DateRangeList.range(text) {
                    blackouts.append(Blackout(dates: range, reason: nil))
                } else {
                    object.log.error(
                        object.file, line: item.value.line, key: item.path,
                        "date AAAA-MM-JJ ou plage AAAA-MM-JJ..AAAA-MM-JJ attendue, trouvé « \(ControlCharacters.visible(text)) »")
                }
            } else if let entry = JSONObjectReader(item.value, file: object.file, path: item.path, log: object.log) {
                entry.rejectUnknownKeys(["from", "to", "reason"])
                let reason = entry.singleLine("reason", required: false)
                if let from = entry.date("from") {
                    let to = entry.date("to", required: false) ?? from
                    if from <= to {
                        blackouts.append(Blackout(dates: DateRange(from, to), reason: reason))
                    } else {
                        entry.log.error(entry.file, line: entry.line, key: entry.keyPath("to"), "la fin (\(to)) précède le début (\(from))")
                    }
                }
            }
        }
        let holidays: DayPolicy? = object.choice("publicHolidays", required: false, default: .avoid)
        let alsaceMoselle = object.bool("alsaceMoselle", required: false) ?? false
        var school: SchoolHolidayRule?
        if let rule = object.object("schoolHolidays", required: false) {
            rule.rejectUnknownKeys(["zone", "policy", "file"])
            let zone = rule.singleLine("zone")
            if let zone, !["A", "B", "C"].contains(zone) {
                rule.log.error(rule.file, line: rule.line, key: rule.keyPath("zone"), "« A », « B » ou « C » attendu, trouvé « \(zone) »")
            }
            let policy: DayPolicy? = rule.choice("policy")
            if let zone, let policy, let name = rule.singleLine("file") {
                let display = Self.join(displayPath, name)
                if let text = readText(name, from: files, display: display, log: rule.log) {
                    let (periods, issues) = SchoolHolidayPeriod.read(csv: text, file: display)
                    rule.log.append(contentsOf: issues)
                    school = SchoolHolidayRule(zone: zone, policy: policy, periods: periods.filter { $0.zone == zone })
                }
            }
        }
        guard let weekdays, let start, let end, let holidays else { return nil }
        return EveningRules(
            weekdays: weekdays, start: start, end: end, blackouts: blackouts,
            publicHolidays: holidays, alsaceMoselle: alsaceMoselle, schoolHolidays: school)
    }

    private func readWeekdays(_ object: JSONObjectReader, key: String) -> [Weekday]? {
        guard let items = object.array(key) else { return nil }
        var days: [Weekday] = []
        for item in items {
            guard case .string(let text) = item.value.value, let day = Weekday(frenchName: text) else {
                object.log.error(
                    object.file, line: item.value.line, key: item.path,
                    "jour de la semaine en français attendu (lundi … dimanche)")
                continue
            }
            if !days.contains(day) { days.append(day) }
        }
        if items.isEmpty { object.log.error(object.file, line: object.line, key: object.keyPath(key), "au moins un jour attendu") }
        return days.sorted()
    }

    /// The `id` of every object in the vehicles array, read without logging, so tours can be
    /// checked against the declared vehicles even when a vehicle has another fault.
    static func declaredIDs(_ value: JSONValue.Located?) -> [String] {
        guard case .array(let items)? = value?.value else { return [] }
        return items.compactMap { item in
            guard case .object(let members) = item.value,
                case .string(let id)? = members.first(where: { $0.key == "id" })?.value.value
            else { return nil }
            return id
        }
    }

    private func readTour(_ value: JSONValue.Located, path: String, vehicleIDs: [String], file: String, log: IssueLog) -> Tour? {
        guard let object = JSONObjectReader(value, file: file, path: path, log: log) else { return nil }
        object.rejectUnknownKeys(["name", "from", "to", "evenings", "vehicle"])
        let name = object.singleLine("name")
        let from = object.date("from")
        let to = object.date("to")
        let evenings = object.integer("evenings", range: 1...366)
        var vehicleID = object.singleLine("vehicle", required: vehicleIDs.count > 1)
        if vehicleID == nil, vehicleIDs.count == 1 { vehicleID = vehicleIDs[0] }
        if let id = vehicleID, !vehicleIDs.isEmpty, !vehicleIDs.contains(id) {
            log.error(
                file, line: object.value("vehicle", required: false)?.line ?? object.line, key: object.keyPath("vehicle"),
                "véhicule inconnu « \(id) » ; véhicules déclarés : " + vehicleIDs.joined(separator: ", "))
        }
        guard let name, let from, let to, let evenings, let vehicleID else { return nil }
        guard from <= to else {
            log.error(file, line: object.line, key: object.keyPath("to"), "la fin (\(to)) précède le début (\(from))")
            return nil
        }
        return Tour(name: name, dates: DateRange(from, to), evenings: evenings, vehicleID: vehicleID, line: object.line)
    }

    private func readVehicle(_ value: JSONValue.Located, path: String, file: String, log: IssueLog) -> Vehicle? {
        guard let object = JSONObjectReader(value, file: file, path: path, log: log) else { return nil }
        object.rejectUnknownKeys([
            "id", "name", "base", "speedKmh", "costPerKm", "co2KgPerKm", "maxKmPerEvening",
            "maxKmPerDay", "maxDrivingMinutesPerDay", "setupMinutes", "daysOff", "travel", "communeProvides",
        ])
        let id = object.singleLine("id")
        let name = object.singleLine("name", required: false) ?? id
        let base = object.object("base").flatMap(readPlace)
        let speed = object.number("speedKmh", range: 5...200)
        let cost = object.number("costPerKm", range: 0...100)
        let co2 = object.number("co2KgPerKm", range: 0...10)
        let maxKmEvening = object.number("maxKmPerEvening", required: false, range: 1...5_000)
        let maxKmDay = object.number("maxKmPerDay", required: false, range: 1...5_000)
        let maxMinutes = object.integer("maxDrivingMinutesPerDay", required: false, range: 1...1_440)
        let setup = object.integer("setupMinutes", required: false, range: 0...720) ?? 60
        var daysOff: [DateRange] = []
        for item in object.array("daysOff", required: false) ?? [] {
            guard case .string(let text) = item.value.value, let range = DateRangeList.range(text) else {
                log.error(file, line: item.value.line, key: item.path, "date AAAA-MM-JJ ou plage AAAA-MM-JJ..AAAA-MM-JJ attendue")
                continue
            }
            daysOff.append(range)
        }
        let travel: TravelPolicy? = object.choice("travel")
        let provides = CommuneProvisions.read(object, fallback: CommuneProvisions.defaults(for: travel ?? .returnToBase))
        guard let id, let name, let base, let speed, let cost, let co2, let travel, let provides else { return nil }
        return Vehicle(
            id: id, name: name, base: base, speedKmh: speed, costPerKm: cost, co2KgPerKm: co2,
            maxKmPerEvening: maxKmEvening, maxKmPerDay: maxKmDay, maxDrivingMinutesPerDay: maxMinutes,
            setupMinutes: setup, communeProvides: provides, daysOff: daysOff, travel: travel)
    }

    private func readPlace(_ object: JSONObjectReader) -> Place? {
        object.rejectUnknownKeys(["insee", "name", "lat", "lon"])
        let insee = object.singleLine("insee", required: false)
        let known = insee.flatMap { directory.commune(insee: $0) }
        if let insee, known == nil {
            object.log.error(
                object.file, line: object.line, key: object.keyPath("insee"), "code INSEE inconnu « \(insee) » (fichier national COG 2026)")
            return nil
        }
        let explicitPosition = object.value("lat", required: false) != nil || object.value("lon", required: false) != nil
        let lat = object.number("lat", required: known == nil || explicitPosition, range: -90...90)
        let lon = object.number("lon", required: known == nil || explicitPosition, range: -180...180)
        let name = object.singleLine("name", required: known == nil) ?? known?.name
        let coordinate = (lat != nil && lon != nil) ? Coordinate(latitude: lat!, longitude: lon!) : known?.coordinate
        if coordinate == nil, let known, !explicitPosition {
            object.log.error(
                object.file, line: object.line, key: object.keyPath("lat"),
                "le fichier national ne donne pas la position de \(known.name) : ajoutez lat et lon")
        }
        guard let name, let coordinate else { return nil }
        return Place(name: name, insee: insee, coordinate: coordinate)
    }

    private func readObjective(_ object: JSONObjectReader?) -> ObjectiveWeights? {
        var weights = ObjectiveWeights.defaults
        guard let object else { return weights }
        object.rejectUnknownKeys([
            "missedVisitPenalty", "noCafeFactor", "smallVillagePopulation", "smallVillageFactor", "preferredDateBonus",
            "stabilityPenalty",
        ])
        weights.missedVisitPenalty = object.number("missedVisitPenalty", required: false, range: 0...1e9) ?? weights.missedVisitPenalty
        weights.noCafeFactor = object.number("noCafeFactor", required: false, range: 1...100) ?? weights.noCafeFactor
        weights.smallVillagePopulation =
            object.integer("smallVillagePopulation", required: false, range: 0...10_000_000) ?? weights.smallVillagePopulation
        weights.smallVillageFactor = object.number("smallVillageFactor", required: false, range: 1...100) ?? weights.smallVillageFactor
        weights.preferredDateBonus = object.number("preferredDateBonus", required: false, range: 0...1e9) ?? weights.preferredDateBonus
        weights.stabilityPenalty = object.number("stabilityPenalty", required: false, range: 0...1e9)
        return weights
    }

    private func readDistances(_ object: JSONObjectReader?, files: SeasonFileSource, displayPath: String) -> DistanceSource? {
        guard let object else { return .detour(factor: 1.3) }
        object.rejectUnknownKeys(["detourFactor", "matrixFile"])
        if let name = object.singleLine("matrixFile", required: false) {
            let display = Self.join(displayPath, name)
            guard let text = readText(name, from: files, display: display, log: object.log) else { return nil }
            return DistanceMatrixFile.read(text, file: display, log: object.log).map(DistanceSource.matrix)
        }
        let factor = object.number("detourFactor", required: false, range: 1...3) ?? 1.3
        return .detour(factor: factor)
    }
}

/// A season loaded and validated, with its warnings and the texts of the files it was read from.
public struct LoadedSeason: Sendable {
    /// The season.
    public let season: Season
    /// The warnings, in file and line order.
    public let warnings: [FileIssue]
    /// The files read, in order.
    public let files: SeasonFiles
}
