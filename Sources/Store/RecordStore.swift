import Foundation

/// Records what happened at evenings, one at a time or a whole sheet at once.
public struct RecordStore {
    private let database: Database

    /// A store on `database`.
    public init(_ database: Database) { self.database = database }

    /// Records an evening atomically (record, animations, partners found or created, event
    /// marked done with `reason` in its history) and returns the record's id. Refuses a
    /// cancelled, withdrawn or already recorded evening.
    @discardableResult
    public func record(_ entry: NewEveningRecord, actor: String, at now: Int64, reason: String = "soirée enregistrée") throws -> Int64 {
        try Self.validate(entry)
        return try database.transaction {
            let events = EventStore(database)
            guard let event = try events.event(id: entry.eventID) else {
                throw StoreError.eventNotFound(id: entry.eventID)
            }
            guard try recordID(eventID: entry.eventID) == nil else { throw StoreError.alreadyRecorded(eventID: entry.eventID) }
            switch event.status {
            case .cancelled, .withdrawn, .declined:
                throw StoreError.invalidTransition(eventID: entry.eventID, from: event.status, action: .done)
            case .proposed, .confirmed:
                try events.markDone(id: entry.eventID, reason: reason, actor: actor, at: now)
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
            try writeLists(of: entry, recordID: recordID)
            return recordID
        }
    }

    /// Replaces the figures of an evening's record with `entry`'s, atomically, and keeps the
    /// correction (each field changed, its value before and after, who, when, why); nil when
    /// `entry` changes nothing. Who recorded the evening and when are kept. O(animations + partners).
    @discardableResult
    public func amend(_ entry: NewEveningRecord, reason: String, actor: String, at now: Int64) throws -> RecordCorrection? {
        try Self.validate(entry)
        return try database.transaction {
            guard let current = try record(eventID: entry.eventID) else {
                guard try EventStore(database).event(id: entry.eventID) != nil else { throw StoreError.eventNotFound(id: entry.eventID) }
                throw StoreError.notRecorded(eventID: entry.eventID)
            }
            let changes = RecordField.allCases.filter { $0.differs(current.entry, entry) }.map {
                RecordFieldChange(field: $0, old: $0.text(of: current.entry), new: $0.text(of: entry))
            }
            guard !changes.isEmpty else { return nil }
            try database.execute(
                """
                UPDATE evening_records SET attendance = ?, local_spend_cents = ?, sales_cents = ?,
                    volunteers = ?, weather = ?, notes = ? WHERE id = ?
                """,
                [
                    entry.attendance, entry.localSpendCents, entry.salesCents, entry.volunteers, entry.weather, entry.notes,
                    current.id,
                ])
            try database.execute("DELETE FROM record_animations WHERE record_id = ?", [current.id])
            try database.execute("DELETE FROM record_partners WHERE record_id = ?", [current.id])
            try writeLists(of: entry, recordID: current.id)
            let correction = RecordCorrection(eventID: entry.eventID, changes: changes, reason: reason, actor: actor, at: now)
            try database.execute(
                "INSERT INTO record_corrections (record_id, event_id, changes, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?)",
                [current.id, entry.eventID, String(decoding: try JSONEncoder().encode(changes), as: UTF8.self), reason, actor, now])
            return correction
        }
    }

    /// The corrections of an evening's record, oldest first. O(corrections).
    public func corrections(eventID: String) throws -> [RecordCorrection] {
        try database.query(
            "SELECT id, event_id, changes, reason, actor, at FROM record_corrections WHERE event_id = ? ORDER BY id", [eventID]
        ) { row in
            let stored = StoredRow(row, table: "record_corrections", idColumn: 0)
            guard let changes = try? JSONDecoder().decode([RecordFieldChange].self, from: Data(row.text(2).utf8)) else {
                throw stored.fault(2, "changes", .fieldChanges)
            }
            return RecordCorrection(eventID: row.text(1), changes: changes, reason: row.text(3), actor: row.text(4), at: row.int64(5))
        }
    }

    /// The id of the evening's record, or nil.
    private func recordID(eventID: String) throws -> Int64? {
        try database.queryOne("SELECT id FROM evening_records WHERE event_id = ?", [eventID]) { $0.int64(0) }
    }

    /// Writes the record's animations and partners (found or created).
    private func writeLists(of entry: NewEveningRecord, recordID: Int64) throws {
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
