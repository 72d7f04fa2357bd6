import CivilTime

/// Dates written out in French as a mairie reads them ("vendredi 4 juin 2027", "1er juin").
public enum FrenchDate {
    private static let months = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
        "août", "septembre", "octobre", "novembre", "décembre",
    ]

    /// Weekday, day ("1er" for the first), month and year, lower case as French writes them.
    public static func writtenOut(_ date: CivilDate) -> String {
        "\(date.weekday.frenchName) \(dayAndMonth(date)) \(date.year)"
    }

    /// Day and month alone ("1er juin", "12 juillet"), for a map's labels where the season says
    /// the year.
    public static func dayAndMonth(_ date: CivilDate) -> String {
        "\(date.day == 1 ? "1er" : String(date.day)) \(months[date.month - 1])"
    }
}
