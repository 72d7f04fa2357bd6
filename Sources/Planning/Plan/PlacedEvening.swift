import CivilTime
import SeasonVocabulary

/// What a season's rules look at in an evening, whatever holds it: a planned event, or an event
/// read back from a plan file. `PlanChecker` checks either through this one view.
public protocol PlacedEvening {
    /// The event's identifier.
    var id: String { get }
    /// The evening's date.
    var date: CivilDate { get }
    /// The host commune's INSEE code.
    var insee: String { get }
    /// The tour's name.
    var tour: String { get }
    /// The vehicle's identifier.
    var vehicle: String { get }
    /// Where the evening stands with its mairie.
    var status: EventStatus { get }
}

extension PlannedEvent: PlacedEvening {}

extension PlanDocument.EventPart: PlacedEvening {}
