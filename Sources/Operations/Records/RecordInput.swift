import Store

/// What staff typed for one evening, on the command line or in a sheet's row: the values and
/// which fields were given. A first record needs the attendance; a correction replaces only the
/// fields given.
public struct RecordInput: Equatable, Sendable {
    /// The values typed; a field not given holds its empty value (no one, nothing).
    public var values: NewEveningRecord
    /// The fields given.
    public var given: Set<RecordField>

    /// Makes an input.
    public init(values: NewEveningRecord, given: Set<RecordField>) {
        self.values = values
        self.given = given
    }

    /// The evening.
    public var eventID: String { values.eventID }

    /// The record these fields make on their own; nil without the attendance.
    public var record: NewEveningRecord? { given.contains(.attendance) ? values : nil }

    /// `current` with the fields given in place of its own.
    public func applied(to current: NewEveningRecord) -> NewEveningRecord {
        var record = current
        record.eventID = values.eventID
        for field in given { field.copy(from: values, to: &record) }
        return record
    }
}
