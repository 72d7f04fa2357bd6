import CivilTime
import Operations
import Planning
import Store

/// An evening in the words of the pages: « vendredi 15 mai 2027, 18 h 30 – 23 h 30 ».
enum EveningText {
    /// The date written out and the hours, a time never split across lines.
    static func when(_ event: Event) -> String {
        let slot = event.planned.slot
        let hours = [slot.localStart, slot.localEnd].map { ReminderComposer.spoken($0).replacingOccurrences(of: " ", with: "\u{A0}") }
        return "\(FrenchDate.writtenOut(slot.date)), \(hours[0]) – \(hours[1])"
    }

    /// Where the evening stands for the staff.
    static func state(_ evening: StaffEvening) -> String {
        if let record = evening.record { return "saisie : \(record.entry.attendance) personnes" }
        if !evening.hasStarted { return "pas encore commencée" }
        if evening.event.status == .proposed { return "non confirmée par la mairie" }
        return "à saisir"
    }
}
