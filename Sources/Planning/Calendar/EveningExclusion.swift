import CivilTime

/// Why a date cannot hold an evening.
public enum EveningExclusion: Hashable, Sendable, CustomStringConvertible {
    /// The season does not hold evenings on this weekday.
    case weekday(Weekday)
    /// A blackout date of the season, with its reason if given.
    case blackout(reason: String?)
    /// A public holiday the season avoids.
    case publicHoliday(name: String)
    /// A school holiday the season avoids.
    case schoolHoliday(name: String)
    /// The vehicle's day off.
    case vehicleDayOff(vehicle: String)
    /// The commune does not accept this weekday.
    case communeWeekday(Weekday)
    /// The commune is unavailable (its fête, the hall is taken…).
    case communeUnavailable
    /// The commune does not take part in this tour.
    case communeNotInTour

    /// A short French explanation ("jour férié (Fête nationale)").
    public var description: String {
        switch self {
        case .weekday(let day): "pas de soirée le \(day.frenchName)"
        case .blackout(let reason): "date exclue" + (reason.map { " (\($0))" } ?? "")
        case .publicHoliday(let name): "jour férié (\(name))"
        case .schoolHoliday(let name): "vacances scolaires (\(name))"
        case .vehicleDayOff(let vehicle): "jour de repos (\(vehicle))"
        case .communeWeekday(let day): "la commune ne reçoit pas le \(day.frenchName)"
        case .communeUnavailable: "commune indisponible"
        case .communeNotInTour: "commune hors de cette tournée"
        }
    }
}
