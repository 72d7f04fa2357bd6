import CivilTime
import TestSupport
import Testing
import TextFormats

@testable import Planning

struct FrenchHolidaysTests {
    /// Every year of the published list, compared whole (dates and names).
    @Test func matchesThePublishedList2023To2030() throws {
        let table = try CSVTable(text: SharedData.text("jours-feries-2023-2030.csv"))
        let published = table.rows.map { "\($0.fields[0])\t\($0.fields[1])" }
        let computed = (2023...2030).flatMap { year in
            FrenchHolidays.holidays(in: year).map { "\($0.date)\t\($0.name)" }
        }
        #expect(computed == published)
    }

    @Test func matchesThePublishedAlsaceMoselleDays() throws {
        let table = try CSVTable(text: SharedData.text("jours-feries-alsace-moselle-extra-2023-2030.csv"))
        let published = table.rows.map { "\($0.fields[0])\t\($0.fields[1])" }
        let computed = (2023...2030).flatMap { year in
            let common = Set(FrenchHolidays.holidays(in: year).map(\.date))
            return FrenchHolidays.holidays(in: year, alsaceMoselle: true)
                .filter { !common.contains($0.date) }.map { "\($0.date)\t\($0.name)" }
        }
        #expect(computed == published)
    }

    /// Easter dates from the Gregorian tables, including the extremes (22 March, 25 April).
    @Test(arguments: [
        (1900, "1900-04-15"), (1943, "1943-04-25"), (1954, "1954-04-18"), (1961, "1961-04-02"),
        (2000, "2000-04-23"), (2008, "2008-03-23"), (2038, "2038-04-25"), (2100, "2100-03-28"),
        (2160, "2160-03-23"), (2200, "2200-04-06"),
    ])
    func easterFarFromThePublishedYears(year: Int, easter: String) {
        #expect(FrenchHolidays.easterSunday(year).description == easter)
        #expect(FrenchHolidays.easterSunday(year).weekday == .sunday)
    }

    @Test func easterBasedDaysIn2038() {
        let days = FrenchHolidays.holidays(in: 2038).map { "\($0.date) \($0.name)" }
        #expect(days.contains("2038-04-26 Lundi de Pâques"))
        #expect(days.contains("2038-06-03 Ascension"))
        #expect(days.contains("2038-06-14 Lundi de Pentecôte"))
    }

    @Test func followsTheLawsThatCreatedEachHoliday() {
        let names1920 = FrenchHolidays.holidays(in: 1920).map(\.name)
        #expect(!names1920.contains("Armistice"))
        #expect(!names1920.contains("Fête du Travail"))
        let names1954 = FrenchHolidays.holidays(in: 1954).map(\.name)
        #expect(names1954.contains("Fête de la Victoire"))
        #expect(names1954.contains("Fête du Travail"))
        #expect(!FrenchHolidays.holidays(in: 1970).map(\.name).contains("Fête de la Victoire"))
        #expect(FrenchHolidays.holidays(in: 2100).count == 11)
        #expect(FrenchHolidays.holidays(in: 2100, alsaceMoselle: true).count == 13)
    }

    @Test func findsTheHolidayOnADate() {
        #expect(FrenchHolidays.holiday(on: CivilDate(iso: "2027-07-14")!)?.name == "Fête nationale")
        #expect(FrenchHolidays.holiday(on: CivilDate(iso: "2027-07-15")!) == nil)
        #expect(FrenchHolidays.holiday(on: CivilDate(iso: "2027-12-26")!) == nil)
        #expect(FrenchHolidays.holiday(on: CivilDate(iso: "2027-12-26")!, alsaceMoselle: true)?.name == "Saint-Étienne")
    }
}
