/// A partner named in a record, before it is matched to a stored partner.
public struct PartnerReference: Equatable, Sendable {
    /// Name as entered.
    public var name: String
    /// Kind.
    public var kind: PartnerKind

    /// Makes a reference.
    public init(name: String, kind: PartnerKind) {
        self.name = name
        self.kind = kind
    }
}

/// What staff record after an evening, as entered.
public struct NewEveningRecord: Equatable, Sendable {
    /// The evening.
    public var eventID: String
    /// People present.
    public var attendance: Int
    /// Animations held (concert, quiz, cinema…), in order.
    public var animations: [String]
    /// Partners who took part.
    public var partners: [PartnerReference]
    /// Money spent locally by the tour, in euro cents.
    public var localSpendCents: Int?
    /// Sales of producers and partners, in euro cents.
    public var salesCents: Int?
    /// Volunteers who helped.
    public var volunteers: Int?
    /// Weather in a few words.
    public var weather: String?
    /// Free notes.
    public var notes: String?

    /// Makes a record.
    public init(
        eventID: String, attendance: Int, animations: [String] = [],
        partners: [PartnerReference] = [], localSpendCents: Int? = nil,
        salesCents: Int? = nil, volunteers: Int? = nil, weather: String? = nil,
        notes: String? = nil
    ) {
        self.eventID = eventID
        self.attendance = attendance
        self.animations = animations
        self.partners = partners
        self.localSpendCents = localSpendCents
        self.salesCents = salesCents
        self.volunteers = volunteers
        self.weather = weather
        self.notes = notes
    }
}

/// A stored evening record with its animations and partners.
public struct EveningRecord: Equatable, Sendable {
    /// Row id.
    public var id: Int64
    /// The evening's data as entered (partner names as stored).
    public var entry: NewEveningRecord
    /// The stored partners, by kind then name.
    public var partners: [Partner]
    /// Who recorded it.
    public var recordedBy: String
    /// When, Unix seconds UTC.
    public var recordedAt: Int64
}
