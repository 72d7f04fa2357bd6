/// Records what happened at evenings, one at a time or a whole sheet at once.
public struct RecordStore {
    private let database: Database

    /// A store on `database`.
    public init(_ database: Database) { self.database = database }

    /// Records an evening atomically (record, animations, partners found or created, event
    /// marked done) and returns the record's id. Refuses a cancelled or already recorded evening.
    @discardableResult
    public func record(_ entry: NewEveningRecord, actor: String, at now: Int64) throws -> Int64 {
        try Self.validate(entry)
        return try database.transaction {
            let events = EventStore(database)
            guard let event = try events.event(id: entry.eventID) else {
                throw StoreError.eventNotFound(id: entry.eventID)
            }
            let existing = try database.queryOne(
                "SELECT id FROM evening_records WHERE event_id = ?", [entry.eventID]
            ) { $0.int64(0) }
            guard existing == nil else { throw StoreError.alreadyRecorded(eventID: entry.eventID) }
            switch event.status {
            case .cancelled, .withdrawn, .declined:
                throw StoreError.invalidTransition(eventID: entry.eventID, from: event.status, action: .done)
            case .proposed, .confirmed:
                try events.markDone(id: entry.eventID, reason: "soirée enregistrée", actor: actor, at: now)
            case .done:
                break
            }
            try database.execute(
                """
                INSERT INTO evening_records (event_id, attendance, local_spend_cents, sales_cents,
                    volunteers, weather, notes, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    entry.eventID, entry.attendance, entry.localSpendCents, entry.salesCents,
                    entry.volunteers, entry.weather, entry.notes, actor, now,
                ])
            let recordID = database.lastInsertRowID
            for (position, title) in entry.animations.enumerated() {
                try database.execute(
                    "INSERT INTO record_animations (record_id, position, title) VALUES (?, ?, ?)",
                    [recordID, position, title])
            }
            let partners = PartnerStore(database)
            for reference in entry.partners {
                let partner = try partners.findOrCreate(name: reference.name, kind: reference.kind)
                try database.execute(
                    "INSERT OR IGNORE INTO record_partners (record_id, partner_id) VALUES (?, ?)",
                    [recordID, partner.id])
            }
            return recordID
        }
    }

    /// Records every entry or none: each row is tried in its own savepoint so that every bad row
    /// is reported (with its 0-based index), then everything is rolled back if any failed.
    /// O(entries).
    @discardableResult
    public func importRecords(
        _ entries: [NewEveningRecord], actor: String,
        at now: Int64
    ) throws -> [Int64] {
        try database.transaction {
            var ids: [Int64] = []
            var failures: [ImportRowFailure] = []
            ids.reserveCapacity(entries.count)
            for (row, entry) in entries.enumerated() {
                do {
                    ids.append(try record(entry, actor: actor, at: now))
                } catch let error as StoreError {
                    failures.append(ImportRowFailure(row: row, eventID: entry.eventID, reason: error))
                } catch let error as DatabaseError {
                    failures.append(ImportRowFailure(row: row, eventID: entry.eventID, reason: .database(error)))
                }
            }
            guard failures.isEmpty else { throw StoreError.importFailed(failures) }
            return ids
        }
    }

    /// The record of one evening, or nil.
    public func record(eventID: String) throws -> EveningRecord? {
        try load(seasonID: nil, eventID: eventID).first
    }

    /// Every record of a season (or all), by the evening's date, start time and id.
    /// O(records + animations + partner links), in one read snapshot.
    public func records(seasonID: String? = nil) throws -> [EveningRecord] {
        try load(seasonID: seasonID, eventID: nil)
    }

    private func load(seasonID: String?, eventID: String?) throws -> [EveningRecord] {
        let filter = "(?1 IS NULL OR e.season_id = ?1) AND (?2 IS NULL OR r.event_id = ?2)"
        return try database.readTransaction {
            var records = try database.query(
                """
                SELECT r.id, r.event_id, r.attendance, r.local_spend_cents, r.sales_cents,
                       r.volunteers, r.weather, r.notes, r.recorded_by, r.recorded_at
                FROM evening_records r JOIN events e ON e.id = r.event_id
                WHERE \(filter) ORDER BY e.date, e.local_start, e.id
                """, [seasonID, eventID]
            ) { row in
                EveningRecord(
                    id: row.int64(0),
                    entry: NewEveningRecord(
                        eventID: row.text(1), attendance: row.int(2),
                        localSpendCents: row.optionalInt(3),
                        salesCents: row.optionalInt(4),
                        volunteers: row.optionalInt(5),
                        weather: row.optionalText(6), notes: row.optionalText(7)),
                    partners: [], recordedBy: row.text(8), recordedAt: row.int64(9))
            }
            var index: [Int64: Int] = [:]
            for (offset, record) in records.enumerated() { index[record.id] = offset }
            let animations = try database.query(
                """
                SELECT a.record_id, a.title FROM record_animations a
                JOIN evening_records r ON r.id = a.record_id JOIN events e ON e.id = r.event_id
                WHERE \(filter) ORDER BY a.record_id, a.position
                """, [seasonID, eventID]
            ) { ($0.int64(0), $0.text(1)) }
            for (recordID, title) in animations {
                if let offset = index[recordID] { records[offset].entry.animations.append(title) }
            }
            let links = try database.query(
                """
                SELECT l.record_id, p.id, p.name, p.kind FROM record_partners l
                JOIN partners p ON p.id = l.partner_id
                JOIN evening_records r ON r.id = l.record_id JOIN events e ON e.id = r.event_id
                WHERE \(filter) ORDER BY l.record_id, p.kind, p.normalized_name, p.id
                """, [seasonID, eventID]
            ) { row in
                let partner = StoredRow(row, table: "partners", idColumn: 1)
                return (
                    row.int64(0),
                    Partner(
                        id: row.int64(1), name: row.text(2),
                        kind: try partner.choice(PartnerKind.self, 3, "kind"))
                )
            }
            for (recordID, partner) in links {
                guard let offset = index[recordID] else { continue }
                records[offset].partners.append(partner)
                records[offset].entry.partners.append(PartnerReference(name: partner.name, kind: partner.kind))
            }
            return records
        }
    }

    /// Rejects values the schema would reject, with the field's name instead of a CHECK failure.
    private static func validate(_ entry: NewEveningRecord) throws {
        func nonNegative(_ value: Int?, _ field: String) throws {
            if let value, value < 0 { throw StoreError.invalidValue(field: field, reason: "must not be negative (\(value))") }
        }
        try nonNegative(entry.attendance, "attendance")
        try nonNegative(entry.localSpendCents, "local spend")
        try nonNegative(entry.salesCents, "sales")
        try nonNegative(entry.volunteers, "volunteers")
        if entry.animations.contains(where: { $0.allSatisfy(\.isWhitespace) }) {
            throw StoreError.invalidValue(field: "animation", reason: "empty title")
        }
    }
}
