import Foundation
import Mail
import Planning
import Store

/// The two calendar files `tournee plan` writes beside `plan.json`: `plan.ics` for the team and
/// `plan-public.ics` for partners, with the same UIDs, times and SEQUENCEs.
public enum PlanCalendarFiles {
    /// The team's file, then the partners', as (file name, bytes), stamped at `stamp`. O(events).
    public static func render(_ plan: Plan, stamp: Date, sequences: [String: Int]) throws(CalendarError) -> [(
        name: String, bytes: [UInt8]
    )] {
        var files: [(name: String, bytes: [UInt8])] = []
        for audience in [CalendarAudience.team, .partners] {
            let calendar = try PlanCalendar.calendar(for: plan, stamp: stamp, for: audience, sequences: sequences)
            files.append((PlanCalendar.fileName(for: audience), calendar.render()))
        }
        return files
    }

    /// The SEQUENCEs of a plan made without the base, carried on from the team's calendar
    /// written before in `folder` (`PlanCalendar.sequences(for:after:)`); all 0 when there is
    /// none or it cannot be read.
    public static func sequences(for plan: Plan, writtenIn folder: URL) -> [String: Int] {
        let file = folder.appendingPathComponent(PlanCalendar.fileName(for: .team))
        let previous = (try? Data(contentsOf: file)).map { CalendarRevisions(previous: Array($0)) } ?? CalendarRevisions()
        return PlanCalendar.sequences(for: plan, after: previous)
    }

    /// The SEQUENCEs `database` keeps for the plan's evenings (`Event.sequence`): the ones their
    /// mairie's messages carry, so that every calendar updates the same entry. O(events).
    public static func sequences(for plan: Plan, in database: Database) throws -> [String: Int] {
        let store = EventStore(database)
        var sequences: [String: Int] = [:]
        for event in plan.events { sequences[event.id] = try store.event(id: event.id)?.sequence }
        return sequences
    }
}
