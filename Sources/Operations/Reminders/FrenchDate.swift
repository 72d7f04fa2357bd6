import CivilTime
import Planning

/// Dates written out in French as a mairie reads them ("vendredi 4 juin 2027", "1er juin").
public enum FrenchDate {
    private static let months = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
        "août", "septembre", "octobre", "novembre", "décembre",
    ]

    /// Weekday, day ("1er" for the first), month and year, lower case as French writes them.
    public static func writtenOut(_ date: CivilDate) -> String {
        let day = date.day == 1 ? "1er" : String(date.day)
        return "\(date.weekday.frenchName) \(day) \(months[date.month - 1]) \(date.year)"
    }
}
