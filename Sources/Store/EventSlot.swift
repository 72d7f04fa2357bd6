import CivilTime

/// When an evening takes place: local civil date and times, and the same as UTC instants.
public struct EventSlot: Equatable, Sendable {
    /// Local date (Europe/Paris).
    public var date: CivilDate
    /// Local start time.
    public var localStart: LocalTime
    /// Local end time (may be after midnight, so earlier than the start).
    public var localEnd: LocalTime
    /// Start instant, Unix seconds UTC.
    public var startsAt: Int64
    /// End instant, Unix seconds UTC.
    public var endsAt: Int64

    /// Makes a slot.
    public init(date: CivilDate, localStart: LocalTime, localEnd: LocalTime, startsAt: Int64, endsAt: Int64) {
        self.date = date
        self.localStart = localStart
        self.localEnd = localEnd
        self.startsAt = startsAt
        self.endsAt = endsAt
    }

    /// The civil start, on Paris clocks.
    public var start: LocalDateTime { LocalDateTime(date, localStart) }

    /// The civil end: on the next day when the end time is not after the start (past midnight).
    public var end: LocalDateTime {
        LocalDateTime(localEnd <= localStart ? date.adding(days: 1) : date, localEnd)
    }
}
