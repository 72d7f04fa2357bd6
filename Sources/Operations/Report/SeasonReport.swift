import Planning
import Store

/// A season's figures as a funder reads them: headline totals, then per commune and per
/// evening, each externality with the factors it came from. Built from the database only (its events,
/// records and the season it keeps).
public struct SeasonReport: Sendable {
    /// One held and recorded evening with its externalities.
    public struct Evening: Sendable {
        /// The stored event.
        public var event: Event
        /// Its host commune.
        public var commune: CommuneRecord
        /// What the staff recorded.
        public var record: EveningRecord
        /// The evening's figures.
        public var figures: ExternalityFigures
    }

    /// One host commune's totals.
    public struct CommuneLine: Sendable {
        /// The commune.
        public var commune: CommuneRecord
        /// Evenings held there.
        public var evenings: Int
        /// People reached there.
        public var attendance: Int
        /// Animations held there.
        public var animations: Int
        /// The commune's externalities.
        public var figures: ExternalityFigures
    }

    /// The headline figures.
    public struct Headline: Equatable, Sendable {
        /// People reached (sum of attendance).
        public var people: Int
        /// Evenings held and recorded.
        public var evenings: Int
        /// Distinct host communes of those evenings.
        public var communes: Int
        /// Animations held.
        public var animations: Int
        /// Distinct partners by kind.
        public var associations: Int, producers: Int, artists: Int, foodTrucks: Int, otherPartners: Int
        /// Volunteers, summed over evenings.
        public var volunteers: Int
        /// Evenings of the season called off.
        public var cancelled: Int
        /// Evenings still proposed or confirmed (not yet held).
        public var upcoming: Int
        /// The season's externalities.
        public var figures: ExternalityFigures
    }

    /// The season.
    public var season: SeasonRecord
    /// The model used.
    public var model: ExternalityModel
    /// Held evenings by date.
    public var evenings: [Evening]
    /// Host communes by decreasing attendance, then name.
    public var communes: [CommuneLine]
    /// The totals.
    public var headline: Headline
    /// The vehicles of the season the database keeps (their bases and how they drive, for the
    /// map); empty for a season imported without its files.
    public var vehicles: [Vehicle]

    /// Reads the season from `database` in one snapshot and computes its figures, with the
    /// emissions per km of the vehicles of the season the database keeps (`directory` gives the
    /// national communes file it is loaded with): the model's factor only for a vehicle the
    /// season does not describe. O(events + records); throws `StoreError.seasonNotFound` for an
    /// unknown season.
    public static func build(
        database: Database, seasonID: String, model externalities: ExternalityModel,
        directory: () throws -> CommuneDirectory
    ) throws -> SeasonReport {
        var model = externalities
        let (season, vehicles, events, records, communeList) = try database.readTransaction {
            guard let season = try SeasonStore(database).season(id: seasonID) else {
                throw StoreError.seasonNotFound(id: seasonID)
            }
            let vehicles = try StoredSeason.load(seasonID: seasonID, from: database, directory: directory)?.vehicles ?? []
            for vehicle in vehicles {
                model.tourKgCO2PerKmByVehicle[vehicle.id] = vehicle.co2KgPerKm
            }
            return (
                season, vehicles, try EventStore(database).events(seasonID: seasonID),
                try RecordStore(database).records(seasonID: seasonID), try CommuneStore(database).all()
            )
        }
        let communesByInsee = Dictionary(communeList.map { ($0.insee, $0) }, uniquingKeysWith: { first, _ in first })
        let eventsByID = Dictionary(events.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var evenings: [Evening] = []
        evenings.reserveCapacity(records.count)
        for record in records {
            guard let event = eventsByID[record.entry.eventID], let commune = communesByInsee[event.planned.insee] else { continue }
            evenings.append(
                Evening(
                    event: event, commune: commune, record: record,
                    figures: ExternalityFigures.evening(record.entry, event: event.planned, model: model)))
        }
        var lines: [String: CommuneLine] = [:]
        for evening in evenings {
            var line =
                lines[evening.commune.insee]
                ?? CommuneLine(commune: evening.commune, evenings: 0, attendance: 0, animations: 0, figures: .zero)
            line.evenings += 1
            line.attendance += evening.record.entry.attendance
            line.animations += evening.record.entry.animations.count
            line.figures = line.figures + evening.figures
            lines[evening.commune.insee] = line
        }
        let communes = lines.values.sorted {
            ($0.attendance, $1.commune.name, $1.commune.insee) > ($1.attendance, $0.commune.name, $0.commune.insee)
        }
        var partnerIDs: [PartnerKind: Set<Int64>] = [:]
        for evening in evenings { for partner in evening.record.partners { partnerIDs[partner.kind, default: []].insert(partner.id) } }
        let headline = Headline(
            people: evenings.reduce(0) { $0 + $1.record.entry.attendance },
            evenings: evenings.count, communes: communes.count,
            animations: evenings.reduce(0) { $0 + $1.record.entry.animations.count },
            associations: partnerIDs[.association]?.count ?? 0, producers: partnerIDs[.producer]?.count ?? 0,
            artists: partnerIDs[.artist]?.count ?? 0, foodTrucks: partnerIDs[.foodTruck]?.count ?? 0,
            otherPartners: partnerIDs[.other]?.count ?? 0,
            volunteers: evenings.reduce(0) { $0 + ($1.record.entry.volunteers ?? 0) },
            cancelled: events.filter { $0.status == .cancelled }.count,
            upcoming: events.filter { $0.status == .proposed || $0.status == .confirmed }.count,
            figures: evenings.reduce(ExternalityFigures.zero) { $0 + $1.figures })
        return SeasonReport(
            season: season, model: model, evenings: evenings, communes: communes, headline: headline, vehicles: vehicles)
    }
}
