import CivilTime
import Foundation
import Mail
import TestSupport
import Testing

@testable import Operations
@testable import Planning

/// `plan.ics` read back by an independent parser (Python's `icalendar`), event by event.
struct PlanCalendarTests {
    struct ParsedCalendar: Decodable {
        struct Event: Decodable {
            struct Moment: Decodable {
                let local: String
                let tzid: String?
                let utc: String
                // swift-format-ignore: AlwaysUseLowerCamelCase
                // Named as the Python peer's JSON key.
                let utc_by_vtimezone: String?
            }
            let uid: String?
            let summary: String?
            let location: String?
            let status: String?
            let dtstart: Moment
            let dtend: Moment
        }
        let events: [Event]
    }

    static let parser = PythonPeer.scripts.appendingPathComponent("parse_calendar.py")

    private func season(_ folder: String) throws -> Season {
        let directory = try CommuneDirectory.loadShipped()
        return try SeasonLoader(directory: directory).load(
            folder: Repository.url(folder), displayPath: folder
        ).season
    }

    private func parse(_ calendar: ICalendar) throws -> ParsedCalendar {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tournee-\(UUID().uuidString).ics")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(calendar.render()).write(to: file)
        return try JSONDecoder().decode(ParsedCalendar.self, from: PythonPeer.run(script: Self.parser, [file.path]))
    }

    private static func utc(_ date: CivilDate, _ time: LocalTime) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: ParisTime.instant(on: date, at: time))
    }

    @Test(arguments: ["tours/guinguette-2027", "tours/tournee-des-villages-2027"])
    func everyEveningOfTheShippedPlansReadsBack(folder: String) throws {
        let season = try season(folder)
        let plan = try Planner(iterations: 200).plan(season, seasonSlug: "s")
        let parsed = try parse(PlanCalendar.calendar(for: plan, stamp: Date(timeIntervalSince1970: 1_800_000_000)))
        #expect(parsed.events.count == plan.events.count)
        for (event, read) in zip(plan.events, parsed.events) {
            #expect(read.uid == event.id + "@tournee")
            #expect(read.dtstart.tzid == "Europe/Paris" && read.dtend.tzid == "Europe/Paris")
            #expect(read.dtstart.local == "\(event.date)T\(event.start)")
            #expect(read.dtstart.utc == Self.utc(event.date, event.start))
            #expect(read.dtstart.utc_by_vtimezone == read.dtstart.utc)
            #expect(read.dtend.utc == Self.utc(event.date, event.end))
            #expect(read.location?.hasPrefix(event.communeName) == true)
            #expect(read.summary == "\(season.name) — \(event.communeName)")
            #expect(read.status == "TENTATIVE")
        }
    }

    @Test func eveningsOnTheDaylightSavingWeekendKeepTheirLocalHours() throws {
        var season = try season("tours/guinguette-2027")
        let saturday = CivilDate(iso: "2027-10-30")!
        let sunday = CivilDate(iso: "2027-10-31")!
        let events = [saturday, sunday].enumerated().map { index, date in
            PlannedEvent(
                id: "dst-\(index)", date: date, start: season.evenings.start, end: season.evenings.end, insee: "51008",
                communeName: "Ambrières", vehicle: "camion", tour: "Automne", status: index == 0 ? .confirmed : .proposed,
                from: "base", km: 20, minutes: 22)
        }
        season.name = "Essai"
        let plan = Plan(
            season: season, seasonSlug: "dst", events: events,
            summary: PlanSummary(evenings: 2, eveningsWanted: 2, communesServed: 1, communes: 1, km: 40, cost: 0, co2Kg: 0),
            explanations: [], warnings: [], quality: .heuristic(lowerBound: nil), objective: 0, iterations: 0, basis: PlanBasis(),
            stabilityPenalty: 0)
        let parsed = try parse(PlanCalendar.calendar(for: plan, stamp: Date(timeIntervalSince1970: 1_800_000_000)))
        #expect(parsed.events.map(\.dtstart.utc) == ["2027-10-30T16:30:00Z", "2027-10-31T17:30:00Z"])
        #expect(parsed.events.map(\.status) == ["CONFIRMED", "TENTATIVE"])
    }
}
