import CivilTime
import Foundation
import Mail
import SeasonVocabulary
import TestSupport
import Testing

@testable import Operations
@testable import Planning

/// `plan.ics` and `plan-public.ics` read back by two independent parsers (Python's `icalendar`
/// and `vobject`), event by event.
struct PlanCalendarTests {
    static let stamp = Date(timeIntervalSince1970: 1_800_000_000)

    private func season(_ folder: String) throws -> Season {
        let directory = try CommuneDirectory.loadShipped()
        return try SeasonLoader(directory: directory).load(
            folder: Repository.url(folder), displayPath: folder
        ).season
    }

    private static func utc(_ date: CivilDate, _ time: LocalTime) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: ParisTime.instant(on: date, at: time))
    }

    /// A plan of `season` holding `events`, for the tests that need chosen dates or statuses.
    private static func plan(_ season: Season, _ events: [PlannedEvent]) -> Plan {
        Plan(
            season: season, seasonSlug: "essai", events: events,
            summary: PlanSummary(
                evenings: events.count, eveningsWanted: events.count, communesServed: 1, communes: 1, km: 0, cost: 0, co2Kg: 0),
            explanations: [], warnings: [], quality: .heuristic(lowerBound: nil),
            objective: PlanObjective(driving: 0, missedVisits: 0, preferredEvenings: 0, stability: 0), iterations: 0, basis: PlanBasis(),
            stabilityPenalty: 0)
    }

    private static func evening(_ id: String, _ date: CivilDate, _ season: Season, status: EventStatus = .proposed) -> PlannedEvent {
        PlannedEvent(
            id: id, date: date, start: season.evenings.start, end: season.evenings.end, insee: "51008",
            communeName: "Ambrières", vehicle: "camion", tour: "Automne", status: status, from: "base", km: 20, minutes: 22)
    }

    @Test(arguments: ["tours/guinguette-2027", "tours/tournee-des-villages-2027"])
    func everyEveningOfTheShippedPlansReadsBack(folder: String) throws {
        let season = try season(folder)
        let plan = try Planner(iterations: 200).plan(season, seasonSlug: "s")
        for audience in [CalendarAudience.team, .partners] {
            for (parser, parsed) in try CalendarReaders.both(PlanCalendar.calendar(for: plan, stamp: Self.stamp, for: audience).render()) {
                #expect(parsed.events.count == plan.events.count, "\(parser)")
                for (event, read) in zip(plan.events, parsed.events) {
                    let commune = try #require(season.communes.first { $0.insee == event.insee })
                    #expect(read.uid == event.id + "@tournee", "\(parser)")
                    #expect(read.dtstart.tzid == "Europe/Paris" && read.dtend.tzid == "Europe/Paris", "\(parser)")
                    #expect(read.dtstart.local == "\(event.date)T\(event.start)", "\(parser)")
                    #expect(read.dtstart.utc == Self.utc(event.date, event.start), "\(parser)")
                    #expect(read.dtend.utc == Self.utc(event.date, event.end), "\(parser)")
                    #expect(read.summary?.hasPrefix(event.communeName + " — ") == true, "\(parser)")
                    #expect(
                        read.location == EveningLocation.text(place: commune.place, communeName: event.communeName, insee: event.insee),
                        "\(parser)")
                    if let notes = commune.notes {
                        #expect(read.location?.contains(notes) == false && read.description?.contains(notes) == false, "\(parser)")
                    }
                    #expect(read.status == "TENTATIVE" && read.sequence == 0, "\(parser)")
                }
            }
        }
    }

    @Test func theSummaryIsTheCommuneThenTheSeasonWithoutItsYear() throws {
        let season = try season("tours/guinguette-2027")
        let plan = Self.plan(season, [Self.evening("a", CivilDate(iso: "2027-06-04")!, season)])
        for (parser, parsed) in try CalendarReaders.both(PlanCalendar.calendar(for: plan, stamp: Self.stamp).render()) {
            #expect(parsed.events.first?.summary == "Ambrières — La Guinguette mobile", "\(parser)")
            #expect(parsed.events.first?.location == "place de l'Église, Ambrières (51)", "\(parser)")
        }
    }

    @Test func thePartnersCalendarHoldsNoAddressStatusWordNorNote() throws {
        let season = try season("tours/guinguette-2027")
        let plan = try Planner(iterations: 200).plan(season, seasonSlug: "s")
        let files = try PlanCalendarFiles.render(plan, stamp: Self.stamp, sequences: [:])
        #expect(files.map(\.name) == ["plan.ics", "plan-public.ics"])
        let team = String(decoding: files[0].bytes, as: UTF8.self)
        let partners = String(decoding: files[1].bytes, as: UTF8.self)
        #expect(team.contains("Statut : proposée"))
        let served = season.communes.filter { commune in plan.events.contains { $0.insee == commune.insee } }
        let emails = served.compactMap { $0.mairie?.email }
        let email = try #require(emails.first)
        #expect(team.contains(email))
        for word in ["ATTENDEE", "ORGANIZER", "mailto:", "Statut", "proposée", "Contact"] {
            #expect(!partners.contains(word), "\(word)")
        }
        let notes = season.communes.compactMap(\.notes)
        for (parser, parsed) in try CalendarReaders.both(files[1].bytes) {
            #expect(parsed.events.count == plan.events.count, "\(parser)")
            for read in parsed.events {
                // The UID is the one internal identifier a partner's calendar needs.
                for text in [read.summary, read.location, read.description].compactMap({ $0 }) {
                    #expect(!text.contains("@"), "\(parser): \(text)")
                    #expect(!plan.events.contains { text.contains($0.id) }, "\(parser): \(text)")
                    #expect(!notes.contains { text.contains($0) }, "\(parser): \(text)")
                }
            }
        }
    }

    @Test func everyStatusHasItsCalendarStatus() throws {
        let season = try season("tours/guinguette-2027")
        let statuses: [(EventStatus, String)] = [
            (.proposed, "TENTATIVE"), (.confirmed, "CONFIRMED"), (.done, "CONFIRMED"),
            (.cancelled, "CANCELLED"), (.withdrawn, "CANCELLED"), (.declined, "CANCELLED"),
        ]
        let events = statuses.enumerated().map { index, pair in
            Self.evening("s-\(index)", CivilDate(iso: "2027-06-04")!.adding(days: 7 * index), season, status: pair.0)
        }
        for (parser, parsed) in try CalendarReaders.both(PlanCalendar.calendar(for: Self.plan(season, events), stamp: Self.stamp).render())
        {
            #expect(parsed.events.map(\.status) == statuses.map(\.1), "\(parser)")
        }
    }

    @Test func aMovedEveningRaisesItsSequenceAndAnUnchangedOneKeepsIt() throws {
        let season = try season("tours/guinguette-2027")
        let first = CivilDate(iso: "2027-06-04")!
        let before = Self.plan(season, [Self.evening("a", first, season), Self.evening("b", first.adding(days: 7), season)])
        let written = try PlanCalendar.calendar(for: before, stamp: Self.stamp, sequences: ["a": 2, "b": 5]).render()
        // "a" moves a day later, "b" stays, "c" is new.
        let after = Self.plan(
            season,
            [
                Self.evening("a", first.adding(days: 1), season), Self.evening("b", first.adding(days: 7), season),
                Self.evening("c", first.adding(days: 14), season),
            ])
        let sequences = PlanCalendar.sequences(for: after, after: CalendarRevisions(previous: written))
        #expect(sequences == ["a": 3, "b": 5, "c": 0])
        for audience in [CalendarAudience.team, .partners] {
            let rendered = try PlanCalendar.calendar(for: after, stamp: Self.stamp, for: audience, sequences: sequences).render()
            for (parser, parsed) in try CalendarReaders.both(rendered) {
                #expect(parsed.events.map(\.sequence) == [3, 5, 0], "\(parser)")
            }
        }
        #expect(PlanCalendar.sequences(for: after, after: CalendarRevisions()) == ["a": 0, "b": 0, "c": 0])
    }

    @Test func eveningsOnTheDaylightSavingWeekendKeepTheirLocalHours() throws {
        var season = try season("tours/guinguette-2027")
        season.name = "Essai"
        let events = [
            Self.evening("dst-0", CivilDate(iso: "2027-10-30")!, season, status: .confirmed),
            Self.evening("dst-1", CivilDate(iso: "2027-10-31")!, season),
        ]
        for (parser, parsed) in try CalendarReaders.both(PlanCalendar.calendar(for: Self.plan(season, events), stamp: Self.stamp).render())
        {
            #expect(parsed.events.map(\.dtstart.utc) == ["2027-10-30T16:30:00Z", "2027-10-31T17:30:00Z"], "\(parser)")
            #expect(parsed.events.map(\.status) == ["CONFIRMED", "TENTATIVE"], "\(parser)")
        }
        let byVTimezone = try ParsedCalendar.parse(PlanCalendar.calendar(for: Self.plan(season, events), stamp: Self.stamp).render())
        #expect(byVTimezone.events.map(\.dtstart.utc_by_vtimezone) == ["2027-10-30T16:30:00Z", "2027-10-31T17:30:00Z"])
    }
}
