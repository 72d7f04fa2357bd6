import CivilTime
import TestSupport
import Testing

@testable import Planning

struct EveningCalendarTests {
    @Test func excludesHolidaysWeekdaysAndBlackoutsWithTheirReasons() throws {
        let json = SeasonFixtures.seasonJSON(extraEvenings: #", "blackouts": [{ "from": "2027-05-21", "reason": "fête foraine" }]"#)
        let (season, _) = try SeasonFixtures.load(season: json)
        let days = EveningCalendar(season: season).days(of: season.tours[0])
        #expect(days.count == 31)
        let candidates = days.filter(\.isCandidate).map(\.date.description)
        #expect(candidates == ["2027-05-07", "2027-05-14", "2027-05-15", "2027-05-22", "2027-05-28", "2027-05-29"])
        let reasons = Dictionary(uniqueKeysWithValues: days.compactMap { day in day.exclusion.map { (day.date.description, $0) } })
        #expect(reasons["2027-05-01"] == .publicHoliday(name: "Fête du Travail"))
        #expect(reasons["2027-05-08"] == .publicHoliday(name: "Fête de la Victoire"))
        #expect(reasons["2027-05-21"] == .blackout(reason: "fête foraine"))
        #expect(reasons["2027-05-03"] == .weekday(.monday))
    }

    @Test func preferredHolidaysStayAndAreMarked() throws {
        let json = SeasonFixtures.seasonJSON(extraEvenings: #", "publicHolidays": "prefer""#)
        let (season, _) = try SeasonFixtures.load(season: json)
        let days = EveningCalendar(season: season).days(of: season.tours[0])
        let first = try #require(days.first)
        #expect(first.isCandidate && first.isPreferredDay && first.holiday?.name == "Fête du Travail")
    }

    @Test func communeRulesComeAfterTheSeasonRules() throws {
        let communes = "insee,weekdays,unavailable,preferred\n51008,samedi,2027-05-15,2027-05-29\n52391,,,\n"
        let (season, _) = try SeasonFixtures.load(season: SeasonFixtures.seasonJSON(), communes: communes)
        let calendar = EveningCalendar(season: season)
        let ambrieres = season.communes[0]
        let verdicts = calendar.days(of: season.tours[0], for: ambrieres)
        #expect(verdicts.filter(\.isCandidate).map(\.date.description) == ["2027-05-22", "2027-05-29"])
        #expect(verdicts.first { $0.date.description == "2027-05-14" }?.exclusion == .communeWeekday(.friday))
        #expect(verdicts.first { $0.date.description == "2027-05-15" }?.exclusion == .communeUnavailable)
        #expect(verdicts.first { $0.date.description == "2027-05-08" }?.exclusion == .publicHoliday(name: "Fête de la Victoire"))
        #expect(calendar.isPreferred(CivilDate(iso: "2027-05-29")!, by: ambrieres))
    }

    @Test func aTourAcrossTheYearEnd() throws {
        let json = SeasonFixtures.seasonJSON(
            period: ("2027-12-01", "2028-01-31"),
            weekdays: #"["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]"#,
            tours: #"[{ "name": "Fêtes", "from": "2027-12-20", "to": "2028-01-05", "evenings": 10 }]"#)
        let (season, _) = try SeasonFixtures.load(season: json)
        let days = EveningCalendar(season: season).days(of: season.tours[0])
        #expect(days.count == 17)
        let excluded = days.filter { !$0.isCandidate }.map { "\($0.date) \($0.exclusion!)" }
        #expect(excluded == ["2027-12-25 jour férié (Noël)", "2028-01-01 jour férié (Jour de l'an)"])
    }

    @Test func aTourHasNoDayOutsideTheSeason() throws {
        // A tour written to end in 6027 instead of 2027 is refused by validation, which first walked
        // its four thousand years (a minute) to list its evenings.
        let (season, _) = try SeasonFixtures.load(season: SeasonFixtures.seasonJSON())
        let dates = DateRange(try #require(CivilDate(iso: "2027-06-20")), try #require(CivilDate(iso: "6027-06-30")))
        let long = Tour(name: "Autre", dates: dates, evenings: 1, vehicleID: "camion", line: 1)
        let days = EveningCalendar(season: season).days(of: long)
        #expect(days.map(\.date.description) == (20...30).map { "2027-06-\($0)" })
        #expect(days.filter(\.isCandidate).map(\.date.description) == ["2027-06-25", "2027-06-26"])
    }

    @Test func eveningsOnTheDaylightSavingWeekendKeepTheirLocalHours() throws {
        let json = SeasonFixtures.seasonJSON(
            period: ("2027-10-01", "2027-11-30"), weekdays: #"["samedi", "dimanche"]"#,
            tours: #"[{ "name": "Automne", "from": "2027-10-29", "to": "2027-11-01", "evenings": 2 }]"#)
        let (season, _) = try SeasonFixtures.load(season: json)
        let dates = EveningCalendar(season: season).candidateDates(of: season.tours[0])
        #expect(dates.map(\.description) == ["2027-10-30", "2027-10-31"])
        let starts = dates.map { ParisTime.iso8601(on: $0, at: season.evenings.start) }
        #expect(starts == ["2027-10-30T18:30:00+02:00", "2027-10-31T18:30:00+01:00"])
    }

    @Test func schoolHolidaysOfTheChosenZone() throws {
        let vacances = try SharedData.text("vacances-scolaires-2024-2027.csv")
        let json = SeasonFixtures.seasonJSON(
            period: ("2027-04-01", "2027-05-31"),
            tours: #"[{ "name": "Avril", "from": "2027-04-01", "to": "2027-04-30", "evenings": 2 }]"#,
            extraEvenings: #", "schoolHolidays": { "zone": "B", "policy": "avoid", "file": "vacances.csv" }"#)
        let (season, _) = try SeasonFixtures.load(season: json, extraFiles: ["vacances.csv": vacances])
        let excluded = EveningCalendar(season: season).days(of: season.tours[0])
            .filter { if case .schoolHoliday = $0.exclusion { true } else { false } }
        #expect(!excluded.isEmpty)
        let zoneB = try #require(season.evenings.schoolHolidays?.periods.first { $0.days.contains(CivilDate(iso: "2027-04-20")!) })
        #expect(excluded.allSatisfy { zoneB.days.contains($0.date) })
    }
}
