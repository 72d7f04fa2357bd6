import CivilTime
import TestSupport
import Testing

@testable import Planning

struct PlanCheckerTests {
    private let season: Season
    private let plan: Plan

    init() throws {
        season = try SeasonFixtures.loader().load(
            folder: Repository.url("tours/guinguette-2027"),
            displayPath: "g"
        ).season
        plan = try Planner(iterations: 300).plan(season, seasonSlug: "g")
    }

    private func edited(_ change: (inout [PlanDocument.EventPart]) -> Void) throws -> [String] {
        var entries = try PlanFile.entries(PlanJSON.render(plan), file: "plan.json", season: plan.season)
        change(&entries)
        return PlanChecker(season: season).check(entries, file: "plan.json").map(\.message)
    }

    /// The entry on another date (and commune): the rules look at the date, not the instants.
    private func moved(_ entry: PlanDocument.EventPart, to date: String, insee: String? = nil) -> PlanDocument.EventPart {
        PlanDocument.EventPart(
            id: entry.id, date: CivilDate(iso: date)!, start: entry.start, startsAt: entry.startsAt,
            end: entry.end, endsAt: entry.endsAt, insee: insee ?? entry.insee, vehicle: entry.vehicle,
            tour: entry.tour, km: entry.km, status: entry.status, line: entry.line)
    }

    @Test func thePlannersOwnPlanIsClean() throws {
        #expect(try edited { _ in } == [])
    }

    @Test func anEveningOnAnExcludedDay() throws {
        let messages = try edited { entries in
            let june = entries.firstIndex { $0.tour == "Juin" }!
            entries[june] = moved(entries[june], to: "2027-06-07")
        }
        #expect(messages.count == 1)
        #expect(messages[0].hasSuffix("le 2027-06-07 : pas de soirée le lundi"))
    }

    @Test func twoEveningsTheSameNightAndAVisitTooSoon() throws {
        let messages = try edited { entries in
            let first = entries[0]
            let second = entries.firstIndex { $0.tour == first.tour && $0.date != first.date && $0.insee != first.insee }!
            entries[second] = moved(entries[second], to: first.date.description, insee: "51008")
        }
        #expect(messages.contains { $0.hasPrefix("soirée du \(plan.events[0].date) déjà prise par ") })
    }

    @Test func aCancelledEventIsIgnoredButTheTourThenLacksAnEvening() throws {
        let messages = try edited { entries in
            let first = entries[0]
            entries[0] = PlanDocument.EventPart(
                id: first.id, date: first.date, start: first.start, startsAt: first.startsAt,
                end: first.end, endsAt: first.endsAt, insee: first.insee, vehicle: first.vehicle,
                tour: first.tour, km: first.km, status: .cancelled, line: first.line)
        }
        #expect(messages == ["la tournée « Printemps » a 4 soirées pour 5 demandées"])
    }
}
