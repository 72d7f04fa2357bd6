/// A closed range of civil dates, iterated day by day.
public struct DateRange: Hashable, Sendable, Sequence {
    /// The first day.
    public let first: CivilDate
    /// The last day (inclusive).
    public let last: CivilDate

    /// Creates the interval; `first` must not be after `last`.
    public init(_ first: CivilDate, _ last: CivilDate) {
        precondition(first <= last, "interval \(first)…\(last) is reversed")
        self.first = first
        self.last = last
    }

    /// Whether the date lies in the interval.
    public func contains(_ date: CivilDate) -> Bool { first <= date && date <= last }

    /// Whether the two intervals share at least one day.
    public func overlaps(_ other: DateRange) -> Bool { first <= other.last && other.first <= last }

    /// The days both ranges hold, or nil when they share none.
    public func clamped(to other: DateRange) -> DateRange? {
        overlaps(other) ? DateRange(Swift.max(first, other.first), Swift.min(last, other.last)) : nil
    }

    /// The number of days, both ends included.
    public var dayCount: Int { first.days(to: last) + 1 }

    /// Iterates the days in order.
    public func makeIterator() -> AnyIterator<CivilDate> {
        var next = first.daysSinceEpoch
        let end = last.daysSinceEpoch
        return AnyIterator {
            guard next <= end else { return nil }
            defer { next += 1 }
            return CivilDate(daysSinceEpoch: next)
        }
    }
}
