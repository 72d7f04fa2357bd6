import CivilTime
import Foundation
import SeasonVocabulary

/// Reads and changes events; every change raises the version and writes a history entry.
public struct EventStore {
    private let database: Database

    /// A store on `database`.
    public init(_ database: Database) { self.database = database }

    private static let columns = """
        id, season_id, insee, date, local_start, local_end, starts_at, ends_at, vehicle, tour, km,
        status, version, sequence, updated_at
        """

    /// Imports a plan's events for `seasonID` in one transaction, idempotently: new events are
    /// inserted as proposed, proposed ones whose data changed are updated (version raised, history
    /// kept), withdrawn ones the plan holds again are proposed again (sequence raised), confirmed, done and
    /// cancelled ones are never touched. Proposed events the plan no longer holds are withdrawn
    /// (history kept); confirmed ones it no longer holds are left as they are and listed in
    /// `absentConfirmed`, for the caller to refuse or accept. The history gives each event
    /// written its own reason from `reasons` when there is one, else `reason` (or, for a
    /// withdrawal, that it is absent from the plan). O(events).
    @discardableResult
    public func importPlan(
        _ events: [PlannedEventRecord], seasonID: String, reason: String, reasons: [String: String] = [:],
        actor: String, at now: Int64
    ) throws -> PlanImportSummary {
        try database.transaction {
            guard let season = try SeasonStore(database).season(id: seasonID) else {
                throw StoreError.seasonNotFound(id: seasonID)
            }
            var summary = PlanImportSummary()
            var seen = Set<String>()
            for planned in events {
                try check(planned, of: season, seen: &seen)
                try importEvent(planned, reason: reasons[planned.id] ?? reason, actor: actor, at: now, into: &summary)
            }
            let absent = try database.query(
                "SELECT id, status FROM events WHERE season_id = ? AND status IN ('proposed', 'confirmed') ORDER BY id",
                [seasonID]
            ) { ($0.text(0), $0.text(1)) }.filter { !seen.contains($0.0) }
            for (id, status) in absent {
                if status == EventStatus.confirmed.rawValue {
                    summary.absentConfirmed.append(id)
                } else {
                    _ = try change(
                        id: id, kind: .withdrawn, status: .withdrawn, slot: nil,
                        reason: reasons[id] ?? "absente du plan importé", actor: actor, at: now)
                    summary.withdrawn.append(id)
                }
            }
            summary.inserted.sort()
            summary.updated.sort()
            summary.unchanged.sort()
            summary.kept.sort()
            return summary
        }
    }

    /// A planned event fit to import: of the season, its values valid, its date in the season,
    /// listed once in the plan (its id is added to `seen`).
    private func check(_ planned: PlannedEventRecord, of season: SeasonRecord, seen: inout Set<String>) throws {
        guard planned.seasonID == season.id else {
            throw StoreError.eventInOtherSeason(eventID: planned.id, storedSeason: season.id, planSeason: planned.seasonID)
        }
        try Self.validate(planned)
        guard season.contains(planned.slot.date) else {
            throw StoreError.invalidValue(
                field: "event \(planned.id) date",
                reason: "\(planned.slot.date) outside the season (\(season.firstDate) to \(season.lastDate))")
        }
        guard seen.insert(planned.id).inserted else {
            throw StoreError.invalidValue(field: "event \(planned.id)", reason: "listed twice in the plan")
        }
    }

    /// Inserts a new event as proposed, brings a withdrawn one back as proposed, updates a proposed
    /// one whose data changed, and leaves a confirmed, done or cancelled one as it is; notes which in
    /// `summary`.
    private func importEvent(
        _ planned: PlannedEventRecord, reason: String, actor: String, at now: Int64, into summary: inout PlanImportSummary
    ) throws {
        guard let stored = try event(id: planned.id) else {
            try insert(planned, at: now)
            try recordChange(
                .imported, old: nil, new: planned, status: .proposed, version: 1,
                oldStatus: nil, reason: reason, actor: actor, at: now)
            summary.inserted.append(planned.id)
            return
        }
        guard stored.planned.seasonID == planned.seasonID else {
            throw StoreError.eventInOtherSeason(eventID: planned.id, storedSeason: stored.planned.seasonID, planSeason: planned.seasonID)
        }
        if stored.status == .withdrawn {
            try update(stored, to: planned, status: .proposed, kind: .replanned, reason: reason, actor: actor, at: now)
            summary.updated.append(planned.id)
        } else if stored.planned == planned {
            summary.unchanged.append(planned.id)
        } else if stored.status == .proposed {
            try update(stored, to: planned, status: .proposed, kind: .replanned, reason: reason, actor: actor, at: now)
            summary.updated.append(planned.id)
        } else {
            summary.kept.append(planned.id)
        }
    }

    /// Records the mairie's agreement: proposed → confirmed.
    @discardableResult
    public func confirm(id: String, reason: String, actor: String, at now: Int64) throws -> Event {
        try change(id: id, kind: .confirmed, status: .confirmed, slot: nil, reason: reason, actor: actor, at: now)
    }

    /// Records the mairie's refusal of the date: proposed → declined.
    @discardableResult
    public func decline(id: String, reason: String, actor: String, at now: Int64) throws -> Event {
        try change(id: id, kind: .declined, status: .declined, slot: nil, reason: reason, actor: actor, at: now)
    }

    /// Calls the evening off: proposed or confirmed → cancelled.
    @discardableResult
    public func cancel(id: String, reason: String, actor: String, at now: Int64) throws -> Event {
        try change(id: id, kind: .cancelled, status: .cancelled, slot: nil, reason: reason, actor: actor, at: now)
    }

    /// Moves a proposed or confirmed evening to `slot`, keeping its status and raising its sequence.
    @discardableResult
    public func move(
        id: String, to slot: EventSlot, reason: String, actor: String,
        at now: Int64
    ) throws -> Event {
        try change(id: id, kind: .moved, status: nil, slot: slot, reason: reason, actor: actor, at: now)
    }

    /// Marks a proposed or confirmed evening as held: → done.
    @discardableResult
    public func markDone(id: String, reason: String, actor: String, at now: Int64) throws -> Event {
        try change(id: id, kind: .done, status: .done, slot: nil, reason: reason, actor: actor, at: now)
    }

    /// Records a deliberate exception to a season rule in the event's history: `key` names the
    /// exact breach accepted, `reason` why. The event itself is unchanged.
    public func recordException(eventID: String, key: String, reason: String, actor: String, at now: Int64) throws {
        guard let stored = try event(id: eventID) else { throw StoreError.eventNotFound(id: eventID) }
        try recordChange(
            .exception, old: stored.planned, new: stored.planned, status: stored.status,
            version: stored.version, oldStatus: stored.status, reason: reason, actor: actor, at: now,
            exception: key)
    }

    /// The exceptions recorded for the events of a season, oldest first. O(exceptions).
    public func exceptions(seasonID: String) throws -> [EventChange] {
        try database.query(
            """
            SELECT \(Self.historyColumns) FROM event_history
            WHERE exception IS NOT NULL AND event_id IN (SELECT id FROM events WHERE season_id = ?)
            ORDER BY id
            """, [seasonID], row: Self.change)
    }

    /// The event with this id, or nil.
    public func event(id: String) throws -> Event? {
        try database.queryOne("SELECT \(Self.columns) FROM events WHERE id = ?", [id], row: Self.event)
    }

    /// Events of a season (or all) with one of `statuses` (or any), by date, start time and id.
    /// O(events matched).
    /// A row that cannot be read fails the listing with `StoreError.malformedRow`.
    public func events(seasonID: String? = nil, statuses: [EventStatus] = []) throws -> [Event] {
        let listing = try readableEvents(seasonID: seasonID, statuses: statuses)
        if let bad = listing.unreadable.first { throw StoreError.malformedRow(bad) }
        return listing.events
    }

    /// Like `events(seasonID:statuses:)`, but a row that cannot be read is set aside in
    /// `unreadable` instead of failing the whole listing: the daemon goes on with the others.
    /// O(events matched).
    public func readableEvents(seasonID: String? = nil, statuses: [EventStatus] = []) throws -> EventListing {
        let statusList =
            statuses.isEmpty
            ? nil : "[" + statuses.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]"
        let rows = try database.query(
            """
            SELECT \(Self.columns) FROM events
            WHERE (?1 IS NULL OR season_id = ?1)
              AND (?2 IS NULL OR status IN (SELECT value FROM json_each(?2)))
            ORDER BY date, local_start, id
            """, [seasonID, statusList]
        ) { statement in Result { () throws(StoreError) in try Self.event(statement) } }
        var listing = EventListing()
        for row in rows {
            switch row {
            case .success(let event): listing.events.append(event)
            case .failure(.malformedRow(let bad)): listing.unreadable.append(bad)
            case .failure(let error): throw error
            }
        }
        return listing
    }

    /// The event's history, oldest first. O(entries).
    public func history(eventID: String) throws -> [EventChange] {
        try database.query(
            "SELECT \(Self.historyColumns) FROM event_history WHERE event_id = ? ORDER BY id",
            [eventID], row: Self.change)
    }

    /// The columns `change(_:)` reads, in its order.
    static let historyColumns = """
        event_id, version, change, old_status, new_status, old_date, new_date,
        old_local_start, new_local_start, reason, actor, at, id, exception
        """

    /// Reads one `event_history` row (its id in column 12).
    static func change(_ statement: Statement) throws(StoreError) -> EventChange {
        let row = StoredRow(statement, table: "event_history", idColumn: 12)
        return EventChange(
            eventID: statement.text(0), version: statement.int(1),
            kind: try row.choice(EventChangeKind.self, 2, "change"),
            oldStatus: statement.isNull(3) ? nil : try row.choice(EventStatus.self, 3, "old_status"),
            newStatus: try row.choice(EventStatus.self, 4, "new_status"),
            oldDate: try row.optionalDate(5, "old_date"), newDate: try row.date(6, "new_date"),
            oldLocalStart: try row.optionalTime(7, "old_local_start"),
            newLocalStart: try row.time(8, "new_local_start"),
            reason: statement.text(9), actor: statement.text(10), at: statement.int64(11),
            exception: statement.optionalText(13))
    }

    /// Which statuses each change may start from.
    private static func allowedSources(of kind: EventChangeKind) -> [EventStatus] {
        switch kind {
        case .imported, .replanned: return [.proposed, .withdrawn]
        case .confirmed, .withdrawn, .declined: return [.proposed]
        case .cancelled, .moved, .done: return [.proposed, .confirmed]
        case .exception: return EventStatus.allCases
        }
    }

    private func change(
        id: String, kind: EventChangeKind, status: EventStatus?, slot: EventSlot?,
        reason: String, actor: String, at now: Int64
    ) throws -> Event {
        try database.transaction {
            guard let stored = try event(id: id) else { throw StoreError.eventNotFound(id: id) }
            if let slot {
                try Self.validate(
                    PlannedEventRecord(
                        id: id, seasonID: stored.planned.seasonID, insee: stored.planned.insee,
                        slot: slot, vehicle: stored.planned.vehicle, tour: nil, km: stored.planned.km))
            }
            guard Self.allowedSources(of: kind).contains(stored.status) else {
                throw StoreError.invalidTransition(eventID: id, from: stored.status, action: kind)
            }
            var planned = stored.planned
            if let slot {
                guard slot != planned.slot else { throw StoreError.unchangedMove(eventID: id) }
                planned.slot = slot
            }
            return try update(
                stored, to: planned, status: status ?? stored.status, kind: kind,
                reason: reason, actor: actor, at: now)
        }
    }

    @discardableResult
    private func update(
        _ stored: Event, to planned: PlannedEventRecord, status: EventStatus,
        kind: EventChangeKind, reason: String, actor: String, at now: Int64
    ) throws -> Event {
        // An evening brought back after a withdrawal is rescheduled too: the last calendar its
        // mairie got may have called it off, and only a higher SEQUENCE revives it (RFC 5545).
        let rescheduled =
            planned.slot != stored.planned.slot || planned.insee != stored.planned.insee
            || (stored.status == .withdrawn && status != .withdrawn)
        let updated = Event(
            planned: planned, status: status, version: stored.version + 1,
            sequence: stored.sequence + (rescheduled ? 1 : 0), updatedAt: now)
        try database.execute(
            """
            UPDATE events SET insee = ?, date = ?, local_start = ?, local_end = ?, starts_at = ?,
                ends_at = ?, vehicle = ?, tour = ?, km = ?, status = ?, version = ?, sequence = ?,
                updated_at = ?
            WHERE id = ? AND version = ?
            """,
            [
                planned.insee, planned.slot.date, planned.slot.localStart, planned.slot.localEnd,
                planned.slot.startsAt, planned.slot.endsAt, planned.vehicle, planned.tour,
                planned.km, status.rawValue, updated.version, updated.sequence, now,
                planned.id, stored.version,
            ])
        guard database.changes == 1 else { throw StoreError.eventNotFound(id: planned.id) }
        try recordChange(
            kind, old: stored.planned, new: planned, status: status,
            version: updated.version, oldStatus: stored.status,
            reason: reason, actor: actor, at: now)
        return updated
    }

    private func insert(_ planned: PlannedEventRecord, at now: Int64) throws {
        guard try CommuneStore(database).commune(insee: planned.insee) != nil else {
            throw StoreError.communeNotFound(insee: planned.insee)
        }
        try database.execute(
            """
            INSERT INTO events (id, season_id, insee, date, local_start, local_end, starts_at,
                ends_at, vehicle, tour, km, status, version, sequence, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'proposed', 1, 0, ?)
            """,
            [
                planned.id, planned.seasonID, planned.insee, planned.slot.date,
                planned.slot.localStart, planned.slot.localEnd, planned.slot.startsAt,
                planned.slot.endsAt, planned.vehicle, planned.tour, planned.km, now,
            ])
    }

    private func recordChange(
        _ kind: EventChangeKind, old: PlannedEventRecord?, new: PlannedEventRecord,
        status: EventStatus, version: Int, oldStatus: EventStatus?,
        reason: String, actor: String, at now: Int64, exception: String? = nil
    ) throws {
        try database.execute(
            """
            INSERT INTO event_history (event_id, version, change, old_status, new_status, old_date,
                new_date, old_local_start, new_local_start, reason, actor, at, exception)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                new.id, version, kind.rawValue, oldStatus?.rawValue, status.rawValue,
                old?.slot.date, new.slot.date, old?.slot.localStart, new.slot.localStart,
                reason, actor, now, exception,
            ])
    }

    /// Refuses what the schema's CHECK would refuse, naming the event instead of the constraint.
    private static func validate(_ planned: PlannedEventRecord) throws(StoreError) {
        guard planned.km >= 0, planned.km.isFinite else {
            throw .invalidValue(field: "event \(planned.id) km", reason: "must not be negative (\(planned.km))")
        }
        guard planned.slot.endsAt > planned.slot.startsAt else {
            throw .invalidValue(field: "event \(planned.id) end", reason: "must be after the start")
        }
    }

    /// Reads one `events` row; every column the program interprets is checked, since the
    /// schema's CHECK binds only the writers that keep it.
    static func event(_ statement: Statement) throws(StoreError) -> Event {
        let row = StoredRow(statement, table: "events", idColumn: 0)
        let startsAt = statement.int64(6)
        let endsAt = statement.int64(7)
        guard endsAt > startsAt else { throw row.fault(7, "ends_at", .instantAfter(startsAt)) }
        let km = statement.double(10)
        guard km >= 0, km.isFinite else { throw row.fault(10, "km", .nonNegativeDistance) }
        let slot = EventSlot(
            date: try row.date(3, "date"), localStart: try row.time(4, "local_start"),
            localEnd: try row.time(5, "local_end"), startsAt: startsAt, endsAt: endsAt)
        let planned = PlannedEventRecord(
            id: statement.text(0), seasonID: statement.text(1), insee: statement.text(2),
            slot: slot, vehicle: statement.text(8), tour: statement.optionalText(9), km: km)
        return Event(
            planned: planned, status: try row.choice(EventStatus.self, 11, "status"),
            version: statement.int(12), sequence: statement.int(13), updatedAt: statement.int64(14))
    }
}
