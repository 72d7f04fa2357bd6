import CivilTime
import Planning
import SeasonVocabulary
import Store

/// A stored event as the season's rules look at it.
struct StoredEvening: PlacedEvening {
    let event: Event

    var id: String { event.id }
    var date: CivilDate { event.planned.slot.date }
    var insee: String { event.planned.insee }
    // An event imported from a plan always has its tour; one without is refused by the tour rule.
    var tour: String { event.planned.tour ?? "" }
    var vehicle: String { event.planned.vehicle }
    var status: EventStatus { event.status }
}
