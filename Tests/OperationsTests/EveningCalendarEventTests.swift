import CivilTime
import Foundation
import Mail
import Store
import TestSupport
import Testing

@testable import Operations
@testable import Planning

/// `plan.ics` and the calendar attached to a reminder describe the same evening with the same
/// UID, start, end and location, read back by Python's `icalendar` and `vobject`: otherwise
/// calendar apps would show a duplicate instead of updating the evening.
struct EveningCalendarEventTests {
    @Test func thePlansCalendarAndAReminderAttachmentAgreeOnUIDStartAndEnd() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let folder = "tours/guinguette-2027"
        let loaded = try SeasonLoader(directory: try CommuneDirectory.loadShipped())
            .read(folder: Repository.url(folder), displayPath: folder)
        let season = loaded.season
        let plan = try Planner(iterations: 200).plan(season, seasonSlug: season.slug)
        let planned = try #require(plan.events.first)

        let fromPlan = try ParsedCalendar.parse(PlanCalendar.calendar(for: plan, stamp: PlanCalendarTests.stamp).render())
        let planEvent = try #require(fromPlan.events.first { $0.uid == EveningCalendarEvent.uid(eventID: planned.id) })
        let place = season.communes.first { $0.insee == planned.insee }?.place

        // The same plan through the database, then a message about its first evening.
        let database = try Database(path: scratch.file("t.db"))
        try Migrator.tournee.migrate(database, at: PlanFixture.importedAt)
        let imported = try PlanImport.parse(PlanJSON.render(plan), file: "plan.json")
        _ = try imported.apply(
            to: database, options: PlanImport.Options(season: loaded), directory: { try CommuneDirectory.loadShipped() }, actor: "test",
            at: PlanFixture.importedAt)
        let store = EventStore(database)
        let stored = try #require(try store.event(id: planned.id))
        let attachment = try #require(try attachedCalendar(stored, database, season, place: place).first?.calendar.events.first)

        #expect(attachment.uid == planEvent.uid)
        #expect(attachment.dtstart.local == planEvent.dtstart.local && attachment.dtend.local == planEvent.dtend.local)
        #expect(attachment.dtstart.utc == planEvent.dtstart.utc)
        #expect(attachment.dtend.utc == planEvent.dtend.utc)
        #expect(attachment.uid == "\(planned.id)@tournee")
        #expect(attachment.location == planEvent.location && attachment.summary == planEvent.summary)
        #expect(attachment.sequence == 0 && planEvent.sequence == 0)

        // Moved a day later: the base raises its SEQUENCE, which the attachment and the plan's
        // calendar written from the base both carry.
        let slot = stored.planned.slot
        let moved = try store.move(
            id: stored.id,
            to: EventSlot(
                date: slot.date.adding(days: 1), localStart: slot.localStart, localEnd: slot.localEnd,
                startsAt: slot.startsAt + 86_400, endsAt: slot.endsAt + 86_400),
            reason: "essai", actor: "test", at: PlanFixture.importedAt + 120)
        #expect(moved.sequence == 1)
        for (parser, calendar) in try attachedCalendar(moved, database, season, place: place) {
            #expect(calendar.events.first?.sequence == 1, "\(parser)")
            #expect(calendar.events.first?.location == planEvent.location, "\(parser)")
        }
        let sequences = try PlanCalendarFiles.sequences(for: plan, in: database)
        #expect(sequences[planned.id] == 1)
        let fromBase = try ParsedCalendar.parse(
            PlanCalendar.calendar(for: plan, stamp: PlanCalendarTests.stamp, sequences: sequences).render())
        #expect(fromBase.events.first { $0.uid == planEvent.uid }?.sequence == 1)
    }

    /// The calendar attached to the first request for `event`'s agreement, as both parsers read it.
    private func attachedCalendar(
        _ event: Event, _ database: Database, _ season: Season, place: String?
    ) throws -> [(parser: String, calendar: ParsedCalendar)] {
        let communes = CommuneStore(database)
        let facts = ReminderFacts(
            event: event, commune: try #require(try communes.commune(insee: event.planned.insee)),
            contacts: try communes.contacts(insee: event.planned.insee), record: nil, seasonName: season.name,
            setting: EveningSetting(place: place))
        let rule = try #require(try Fixtures.shippedPolicy().rule(named: "demande-accord"))
        let message = try Fixtures.composer().compose(rule, facts, at: PlanFixture.importedAt + 60)
        let part = try #require(try ParsedMessage.parse(message.message).attachments.first)
        return try CalendarReaders.both(Array(part.text.utf8))
    }
}
