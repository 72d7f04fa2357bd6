/// A field of an evening's record, as a correction names it.
public enum RecordField: String, Sendable, CaseIterable, Codable {
    /// People present.
    case attendance
    /// Animations held.
    case animations
    /// Partners who took part.
    case partners
    /// Money spent locally by the tour.
    case localSpend = "local_spend"
    /// Sales of producers and partners.
    case sales
    /// Volunteers who helped.
    case volunteers
    /// The weather.
    case weather
    /// Free notes.
    case notes

    /// The field's value in `entry` as a correction keeps it: whole numbers and euro cents in
    /// decimal digits, texts as typed, lists joined with " | " (partners as `name:kind`), nil
    /// when the field is empty.
    public func text(of entry: NewEveningRecord) -> String? {
        func joined(_ items: [String]) -> String? { items.isEmpty ? nil : items.joined(separator: " | ") }
        switch self {
        case .attendance: return String(entry.attendance)
        case .animations: return joined(entry.animations)
        case .partners: return joined(entry.partners.map { "\($0.name):\($0.kind.rawValue)" })
        case .localSpend: return entry.localSpendCents.map(String.init)
        case .sales: return entry.salesCents.map(String.init)
        case .volunteers: return entry.volunteers.map(String.init)
        case .weather: return entry.weather
        case .notes: return entry.notes
        }
    }

    /// Sets this field of `record` to its value in `source`.
    public func copy(from source: NewEveningRecord, to record: inout NewEveningRecord) {
        switch self {
        case .attendance: record.attendance = source.attendance
        case .animations: record.animations = source.animations
        case .partners: record.partners = source.partners
        case .localSpend: record.localSpendCents = source.localSpendCents
        case .sales: record.salesCents = source.salesCents
        case .volunteers: record.volunteers = source.volunteers
        case .weather: record.weather = source.weather
        case .notes: record.notes = source.notes
        }
    }

    /// Whether `old` and `new` differ in this field; partners are the same when they name the same
    /// partners (as `PartnerStore` matches them), whatever the order and spelling.
    func differs(_ old: NewEveningRecord, _ new: NewEveningRecord) -> Bool {
        guard self == .partners else { return text(of: old) != text(of: new) }
        let key = { (entry: NewEveningRecord) in
            Set(entry.partners.map { "\(PartnerStore.normalizedName($0.name))|\($0.kind.rawValue)" })
        }
        return key(old) != key(new)
    }
}

/// One field a correction changed: its value before and after (`RecordField.text(of:)`).
public struct RecordFieldChange: Equatable, Sendable, Codable {
    /// The field.
    public var field: RecordField
    /// Before; nil when it was empty.
    public var old: String?
    /// After; nil when it is now empty.
    public var new: String?

    /// Makes a change.
    public init(field: RecordField, old: String?, new: String?) {
        self.field = field
        self.old = old
        self.new = new
    }
}

/// A correction of an evening's record: the fields it changed, who, when and why.
public struct RecordCorrection: Equatable, Sendable {
    /// The evening.
    public var eventID: String
    /// The fields changed, in `RecordField` order.
    public var changes: [RecordFieldChange]
    /// Why.
    public var reason: String
    /// Who.
    public var actor: String
    /// When, Unix seconds UTC.
    public var at: Int64
}
