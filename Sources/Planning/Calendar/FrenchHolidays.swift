import CivilTime

/// A public holiday (jour férié) on a given date.
public struct PublicHoliday: Hashable, Sendable {
    /// The date.
    public let date: CivilDate
    /// The French name, as the official lists write it ("Lundi de Pentecôte").
    public let name: String
}

/// The French public holidays of metropolitan France, computed for any year from 1900 to 2200.
///
/// Holidays follow Code du travail art. L3133-1 and the laws that created them: the 14 July since
/// 1880, the 11 November since the law of 24 October 1922, the 1 May since the law of 30 April
/// 1947, the 8 May from 1953 to 1958 (law of 20 March 1953, abolished by decree in 1959) and again
/// since 1982 (law of 2 October 1981). The Easter-based days follow the Gregorian computus.
/// Alsace-Moselle (Moselle, Bas-Rhin, Haut-Rhin) adds Vendredi saint and Saint-Étienne
/// (Code du travail art. L3134-13).
public enum FrenchHolidays {
    /// The years for which the rules above are implemented.
    public static let supportedYears = 1900...2200

    /// The holidays of `year` in date order; with `alsaceMoselle`, the two local days are included.
    public static func holidays(in year: Int, alsaceMoselle: Bool = false) -> [PublicHoliday] {
        precondition(supportedYears.contains(year), "year \(year) outside \(supportedYears)")
        let easter = easterSunday(year)
        var days: [(CivilDate, String)] = [
            (date(year, 1, 1), "Jour de l'an"),
            (easter.adding(days: 1), "Lundi de Pâques"),
            (easter.adding(days: 39), "Ascension"),
            (easter.adding(days: 50), "Lundi de Pentecôte"),
            (date(year, 7, 14), "Fête nationale"),
            (date(year, 8, 15), "Assomption"),
            (date(year, 11, 1), "Toussaint"),
            (date(year, 12, 25), "Noël"),
        ]
        if year >= 1947 { days.append((date(year, 5, 1), "Fête du Travail")) }
        if (1953...1958).contains(year) || year >= 1982 { days.append((date(year, 5, 8), "Fête de la Victoire")) }
        if year >= 1922 { days.append((date(year, 11, 11), "Armistice")) }
        if alsaceMoselle {
            days.append((easter.adding(days: -2), "Vendredi saint"))
            days.append((date(year, 12, 26), "Saint-Étienne"))
        }
        return days.sorted { $0.0 < $1.0 }.map { PublicHoliday(date: $0.0, name: $0.1) }
    }

    /// The holiday on `date`, if any.
    public static func holiday(on date: CivilDate, alsaceMoselle: Bool = false) -> PublicHoliday? {
        guard supportedYears.contains(date.year) else { return nil }
        return holidays(in: date.year, alsaceMoselle: alsaceMoselle).first { $0.date == date }
    }

    /// Easter Sunday of a Gregorian year (the anonymous Gregorian computus, "Meeus/Jones/Butcher").
    public static func easterSunday(_ year: Int) -> CivilDate {
        let goldenNumber = year % 19
        let century = year / 100
        let yearOfCentury = year % 100
        let skippedLeapYears = century / 4
        let centuryRemainder = century % 4
        let moonCorrection = (century + 8) / 25
        let solarCorrection = (century - moonCorrection + 1) / 3
        let epact = (19 * goldenNumber + century - skippedLeapYears - solarCorrection + 15) % 30
        let leapYearsInCentury = yearOfCentury / 4
        let yearRemainder = yearOfCentury % 4
        let weekdayOffset = (32 + 2 * centuryRemainder + 2 * leapYearsInCentury - epact - yearRemainder) % 7
        let correction = (goldenNumber + 11 * epact + 22 * weekdayOffset) / 451
        let month = (epact + weekdayOffset - 7 * correction + 114) / 31
        let day = (epact + weekdayOffset - 7 * correction + 114) % 31 + 1
        return date(year, month, day)
    }

    private static func date(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
        guard let value = CivilDate(year: year, month: month, day: day) else {
            fatalError("invalid built-in holiday \(year)-\(month)-\(day)")
        }
        return value
    }
}
