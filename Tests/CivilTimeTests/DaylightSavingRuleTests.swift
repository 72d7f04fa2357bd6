import Foundation
import Testing

@testable import CivilTime

/// The one rule for local times the clock changes skip or repeat (docs/civil-time.md).
struct DaylightSavingRuleTests {
    private func local(_ text: String) -> LocalDateTime {
        let parts = text.split(separator: " ")
        return LocalDateTime(CivilDate(iso: parts[0])!, LocalTime(text: String(parts[1]))!)
    }

    @Test func aSkippedTimeIsReadWithTheOffsetBeforeTheChange() {
        // 2028-03-26, last Sunday of March: no 02:30 on Paris clocks.
        let end = local("2028-03-26 02:30")
        #expect(ParisTime.isSkipped(end))
        #expect(!ParisTime.isRepeated(end))
        #expect(ParisTime.instant(of: end).timeIntervalSince1970 == 1_837_647_000)  // 2028-03-26T01:30:00Z
        #expect(ParisTime.clockReading(of: end) == local("2028-03-26 03:30"))
        #expect(ParisTime.iso8601(on: end.date, at: end.time) == "2028-03-26T03:30:00+02:00")
    }

    @Test func theEdgesOfTheGapExist() {
        #expect(!ParisTime.isSkipped(local("2028-03-26 01:59")))
        #expect(ParisTime.isSkipped(local("2028-03-26 02:00")))
        #expect(ParisTime.isSkipped(local("2028-03-26 02:59")))
        #expect(!ParisTime.isSkipped(local("2028-03-26 03:00")))
        #expect(ParisTime.iso8601(on: CivilDate(iso: "2028-03-26")!, at: LocalTime(text: "03:00")!) == "2028-03-26T03:00:00+02:00")
    }

    @Test func aRepeatedTimeMeansItsFirstOccurrence() {
        // 2028-10-29, last Sunday of October: 02:30 comes twice, first in summer time.
        let end = local("2028-10-29 02:30")
        #expect(ParisTime.isRepeated(end))
        #expect(!ParisTime.isSkipped(end))
        #expect(ParisTime.instant(of: end).timeIntervalSince1970 == 1_856_392_200)  // 2028-10-29T00:30:00Z
        #expect(ParisTime.iso8601(on: end.date, at: end.time) == "2028-10-29T02:30:00+02:00")
        #expect(!ParisTime.isRepeated(local("2028-10-29 03:00")))
        #expect(!ParisTime.isRepeated(local("2028-10-29 01:59")))
    }

    @Test func theUTCFormOfAnInstant() {
        #expect(ParisTime.utcBasicForm(Date(timeIntervalSince1970: 1_837_647_000)) == "20280326T013000Z")
        #expect(ParisTime.utcBasicForm(Date(timeIntervalSince1970: 951_782_400)) == "20000229T000000Z")
    }
}
