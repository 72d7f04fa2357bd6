import Testing
@testable import Mail

@Suite struct LocalDateTimeTests {
    @Test(arguments: [(2026, 2, 29), (2100, 2, 29), (2026, 4, 31), (2026, 13, 1), (2026, 0, 10)])
    func refusesDaysThatDoNotExist(_ year: Int, _ month: Int, _ day: Int) {
        #expect(throws: CalendarError.invalidDateTime(year: year, month: month, day: day, hour: 20, minute: 0)) {
            try LocalDateTime(year: year, month: month, day: day, hour: 20, minute: 0)
        }
    }

    @Test func acceptsLeapDaysAndWritesTheRFC5545Form() throws {
        #expect(try LocalDateTime(year: 2028, month: 2, day: 29, hour: 7, minute: 5).iCalendarForm == "20280229T070500")
        #expect(try LocalDateTime(year: 2000, month: 2, day: 29, hour: 0, minute: 0).iCalendarForm == "20000229T000000")
        #expect(throws: CalendarError.self) { try LocalDateTime(year: 2026, month: 6, day: 3, hour: 24, minute: 0) }
    }

    @Test func ordersChronologically() throws {
        let early = try LocalDateTime(year: 2026, month: 3, day: 29, hour: 23, minute: 59)
        let late = try LocalDateTime(year: 2026, month: 3, day: 30, hour: 0, minute: 0)
        #expect(early < late)
        #expect(!(late < early))
    }
}
