import Foundation
import Testing

@testable import CivilTime

struct ParisTimeTests {
    private func iso(_ date: String, _ time: String) -> String {
        ParisTime.iso8601(on: CivilDate(iso: date)!, at: LocalTime(text: time)!)
    }

    private func instant(_ date: String, _ time: String) -> Date {
        ParisTime.instant(on: CivilDate(iso: date)!, at: LocalTime(text: time)!)
    }

    @Test func eveningsAroundTheSpringChange() {
        // 2027-03-28 is the last Sunday of March: clocks go from 02:00 to 03:00.
        #expect(iso("2027-03-27", "20:30") == "2027-03-27T20:30:00+01:00")
        #expect(iso("2027-03-28", "20:30") == "2027-03-28T20:30:00+02:00")
        #expect(instant("2027-03-28", "20:30").timeIntervalSince(instant("2027-03-27", "20:30")) == 23 * 3600)
    }

    @Test func eveningsAroundTheAutumnChange() {
        // 2027-10-31 is the last Sunday of October: clocks go from 03:00 back to 02:00.
        #expect(iso("2027-10-30", "18:30") == "2027-10-30T18:30:00+02:00")
        #expect(iso("2027-10-31", "18:30") == "2027-10-31T18:30:00+01:00")
        #expect(instant("2027-10-31", "18:30").timeIntervalSince(instant("2027-10-30", "18:30")) == 25 * 3600)
    }

    @Test func instantsAreUTCAndComeBack() {
        let evening = instant("2027-07-14", "21:00")
        #expect(evening.timeIntervalSince1970 == 1_815_591_600)
        let (date, time) = ParisTime.civil(evening)
        #expect(date.description == "2027-07-14")
        #expect(time.description == "21:00")
    }

    @Test func yearBoundaryAndLeapDay() {
        #expect(iso("2027-12-31", "23:30") == "2027-12-31T23:30:00+01:00")
        let (date, _) = ParisTime.civil(
            ParisTime.instant(on: CivilDate(iso: "2027-12-31")!, at: LocalTime(text: "23:30")!).addingTimeInterval(3600))
        #expect(date.description == "2028-01-01")
        #expect(iso("2028-02-29", "19:00") == "2028-02-29T19:00:00+01:00")
    }

    @Test func localTimesParseStrictly() {
        #expect(LocalTime(text: "18:30")?.minutesSinceMidnight == 1110)
        for bad in ["18h30", "8:30", "24:00", "18:60", "", "18:3a"] {
            #expect(LocalTime(text: bad) == nil, "\(bad)")
        }
    }
}
