import CivilTime
import Foundation

/// What a mairie's link vouches for: the evening, the address it was sent to, and until when.
public struct LinkClaims: Hashable, Sendable {
    /// The evening's identifier (`SAISON-INSEE-N`).
    public let eventID: String
    /// The mairie's address the link was sent to.
    public let mairieAddress: String
    /// The first instant at which the link no longer opens, in whole seconds since 1970.
    public let expiresAt: Int64

    /// Claims with an explicit expiry.
    public init(eventID: String, mairieAddress: String, expiresAt: Int64) {
        self.eventID = eventID
        self.mairieAddress = mairieAddress
        self.expiresAt = expiresAt
    }

    /// Claims that expire at the end of the `daysAfter`-th day after `evening`, on Paris clocks
    /// (by default three: an evening on Friday 4 June opens its link until Monday 7 June, 24:00).
    public init(eventID: String, mairieAddress: String, evening: CivilDate, daysAfter: Int = 3) {
        let midnight = LocalTime(hour: 0, minute: 0)!
        let end = ParisTime.instant(on: evening.adding(days: daysAfter + 1), at: midnight)
        self.init(eventID: eventID, mairieAddress: mairieAddress, expiresAt: Int64(end.timeIntervalSince1970.rounded(.down)))
    }
}
