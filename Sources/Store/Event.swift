/// Where an evening stands with its mairie.
public enum EventStatus: String, Sendable, CaseIterable {
    /// Planned, not yet agreed by the mairie; a re-plan may still change it.
    case proposed
    /// Agreed by the mairie; a re-plan never changes it.
    case confirmed
    /// Called off; final.
    case cancelled
    /// Held and recorded; final.
    case done
}

/// When an evening takes place: local civil date and times, and the same as UTC instants.
public struct EventSlot: Equatable, Sendable {
    /// Local date, `YYYY-MM-DD`.
    public var date: String
    /// Local start time, `HH:MM`.
    public var localStart: String
    /// Local end time, `HH:MM` (may be after midnight, so earlier than the start).
    public var localEnd: String
    /// Start instant, Unix seconds UTC.
    public var startsAt: Int64
    /// End instant, Unix seconds UTC.
    public var endsAt: Int64

    /// Makes a slot.
    public init(date: String, localStart: String, localEnd: String, startsAt: Int64, endsAt: Int64) {
        self.date = date
        self.localStart = localStart
        self.localEnd = localEnd
        self.startsAt = startsAt
        self.endsAt = endsAt
    }
}

/// An evening as a plan gives it, before the store adds status and versions.
public struct PlannedEvent: Equatable, Sendable {
    /// Stable id from the plan.
    public var id: String
    /// Season id.
    public var seasonID: String
    /// INSEE code of the host commune.
    public var insee: String
    /// When it takes place.
    public var slot: EventSlot
    /// Vehicle or company that runs it.
    public var vehicle: String
    /// Tour name, when the season is cut into tours.
    public var tour: String?
    /// Kilometres driven for this evening.
    public var km: Double

    /// Makes a planned event.
    public init(id: String, seasonID: String, insee: String, slot: EventSlot, vehicle: String,
                tour: String?, km: Double) {
        self.id = id
        self.seasonID = seasonID
        self.insee = insee
        self.slot = slot
        self.vehicle = vehicle
        self.tour = tour
        self.km = km
    }
}

/// An evening as stored: the plan's data plus its status and change counters.
public struct Event: Equatable, Sendable {
    /// The plan's data as last imported or moved.
    public var planned: PlannedEvent
    /// Current status.
    public var status: EventStatus
    /// Raised by every change (status, date, re-plan).
    public var version: Int
    /// Raised only when the slot or commune changes: the iCalendar SEQUENCE (RFC 5545 §3.8.7.4),
    /// and the event version the daemon should key date-bound reminders on.
    public var sequence: Int
    /// Instant of the last change, Unix seconds UTC.
    public var updatedAt: Int64

    /// The event id.
    public var id: String { planned.id }
}
