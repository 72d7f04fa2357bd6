import Foundation
import Testing

@testable import CivilTime

struct CivilDateTests {
    @Test func roundTripsEveryDayFrom1900To2200() {
        let first = CivilDate(year: 1900, month: 1, day: 1)!.daysSinceEpoch
        let last = CivilDate(year: 2200, month: 12, day: 31)!.daysSinceEpoch
        var previous: CivilDate?
        for days in first...last {
            let date = CivilDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            if let previous {
                #expect(previous < date)
                #expect(previous.adding(days: 1) == date)
            }
            previous = date
        }
    }

    @Test func agreesWithFoundationOnWeekdays() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for days in stride(from: -25_000, through: 60_000, by: 37) {
            let date = CivilDate(daysSinceEpoch: days)
            let instant = Date(timeIntervalSince1970: Double(days) * 86_400)
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: instant)
            #expect([parts.year, parts.month, parts.day] == [date.year, date.month, date.day])
            // Foundation numbers Sunday 1 … Saturday 7.
            #expect((parts.weekday! + 5) % 7 + 1 == date.weekday.rawValue)
        }
    }

    @Test func knowsLeapYears() {
        #expect(CivilDate(year: 2028, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2027, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2100, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2028, month: 2, day: 28)!.adding(days: 1).description == "2028-02-29")
        #expect(CivilDate(year: 2027, month: 12, day: 31)!.adding(days: 1).description == "2028-01-01")
    }

    @Test func parsesOnlyStrictISODates() {
        #expect(CivilDate(iso: "2027-06-04")?.description == "2027-06-04")
        for bad in ["2027-6-4", "2027-02-30", "2027-13-01", "04/06/2027", "2027-06-04T20:00", "", "abcd-ef-gh"] {
            #expect(CivilDate(iso: bad) == nil, "\(bad)")
        }
    }

    @Test func weekdayOfKnownDates() {
        #expect(CivilDate(iso: "2027-07-14")!.weekday == .wednesday)
        #expect(CivilDate(iso: "1970-01-01")!.weekday == .thursday)
        #expect(CivilDate(iso: "2026-11-25")!.weekday == .wednesday)
    }

    @Test func intervalsIterateAndOverlap() {
        let june = DateRange(CivilDate(iso: "2027-06-01")!, CivilDate(iso: "2027-06-30")!)
        #expect(Array(june).count == 30)
        #expect(june.dayCount == 30)
        let crossing = DateRange(CivilDate(iso: "2027-12-30")!, CivilDate(iso: "2028-01-02")!)
        #expect(Array(crossing).map(\.description) == ["2027-12-30", "2027-12-31", "2028-01-01", "2028-01-02"])
        #expect(!june.overlaps(crossing))
    }
}
