import CivilTime
import Foundation
import Mail
import Store
import TestSupport
import Testing

@testable import Operations
@testable import Planning

/// `plan.ics` and the calendar attached to a reminder describe the same evening with the same
/// UID, start and end, read back by Python's `icalendar`: otherwise calendar apps would show a
/// duplicate instead of updating the evening.
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

        let file = URL(fileURLWithPath: scratch.file("plan.ics"))
        try Data(PlanCalendar.calendar(for: plan, stamp: Date(timeIntervalSince1970: 1_800_000_000)).render()).write(to: file)
        let fromPlan = try JSONDecoder().decode(
            PlanCalendarTests.ParsedCalendar.self,
            from: PythonPeer.run(script: PlanCalendarTests.parser, [file.path]))
        let planEvent = try #require(fromPlan.events.first { $0.uid == EveningCalendarEvent.uid(eventID: planned.id) })

        // The same plan through the database, then a message about its first evening.
        let database = try Database(path: scratch.file("t.db"))
        try Migrator.tournee.migrate(database, at: PlanFixture.importedAt)
        let imported = try PlanImport.parse(PlanJSON.render(plan), file: "plan.json")
        _ = try imported.apply(
            to: database, options: PlanImport.Options(season: loaded), directory: { try CommuneDirectory.loadShipped() }, actor: "test",
            at: PlanFixture.importedAt)
        let stored = try #require(try EventStore(database).event(id: planned.id))
        let communes = CommuneStore(database)
        let facts = ReminderFacts(
            event: stored, commune: try #require(try communes.commune(insee: stored.planned.insee)),
            contacts: try communes.contacts(insee: stored.planned.insee), record: nil, seasonName: season.name)
        let rule = try #require(try Fixtures.shippedPolicy().rule(named: "demande-accord"))
        let message = try Fixtures.composer().compose(rule, facts, at: PlanFixture.importedAt + 60)
        let attachment = try #require(try ParsedMessage.parse(message.message, calendar: true).attachments.first?.calendar?.events.first)

        #expect(attachment.uid == planEvent.uid)
        #expect(attachment.dtstart.local == planEvent.dtstart.local && attachment.dtend.local == planEvent.dtend.local)
        #expect(attachment.dtstart.utc == planEvent.dtstart.utc)
        #expect(attachment.dtend.utc == planEvent.dtend.utc)
        #expect(attachment.uid == "\(planned.id)@tournee")
    }
}
