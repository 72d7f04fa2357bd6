import Testing

@testable import CivilTime

@Suite struct LocalDateTimeTests {
    @Test(arguments: [(2026, 2, 29), (2100, 2, 29), (2026, 4, 31), (2026, 13, 1), (2026, 0, 10)])
    func refusesDaysThatDoNotExist(_ year: Int, _ month: Int, _ day: Int) {
        #expect(LocalDateTime(year: year, month: month, day: day, hour: 20, minute: 0) == nil)
    }

    @Test func acceptsLeapDaysAndRefusesHoursThatDoNotExist() {
        #expect(LocalDateTime(year: 2028, month: 2, day: 29, hour: 7, minute: 5)?.description == "2028-02-29 07:05")
        #expect(LocalDateTime(year: 2000, month: 2, day: 29, hour: 0, minute: 0) != nil)
        #expect(LocalDateTime(year: 2026, month: 6, day: 3, hour: 24, minute: 0) == nil)
        #expect(LocalDateTime(year: 2026, month: 6, day: 3, hour: 23, minute: 60) == nil)
    }

    @Test func ordersChronologicallyAcrossTheYearEnd() throws {
        let early = try #require(LocalDateTime(year: 2026, month: 12, day: 31, hour: 23, minute: 59))
        let late = try #require(LocalDateTime(year: 2027, month: 1, day: 1, hour: 0, minute: 0))
        #expect(early < late)
        #expect(!(late < early))
    }
}
