import CivilTime
@testable import Planning
import Testing

struct PlanCheckerTests {
    private let season: Season
    private let plan: Plan

    init() throws {
        season = try SeasonFixtures.loader().load(folder: TestPaths.repository.appendingPathComponent("tours/guinguette-2027"),
                                                  displayPath: "g").season
        plan = try Planner(iterations: 300).plan(season, seasonSlug: "g")
    }

    private func edited(_ change: (inout [PlanFile.Entry]) -> Void) throws -> [String] {
        var entries = try PlanFile.entries(PlanJSON.render(plan), file: "plan.json", season: plan.season)
        change(&entries)
        return PlanChecker(season: season).check(entries, file: "plan.json").map(\.message)
    }

    private func moved(_ entry: PlanFile.Entry, to date: String, insee: String? = nil) -> PlanFile.Entry {
        PlanFile.Entry(id: entry.id, date: CivilDate(iso: date)!, insee: insee ?? entry.insee, tour: entry.tour,
                       vehicle: entry.vehicle, status: entry.status, line: entry.line)
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
            let e = entries[0]
            entries[0] = PlanFile.Entry(id: e.id, date: e.date, insee: e.insee, tour: e.tour, vehicle: e.vehicle, status: .cancelled, line: e.line)
        }
        #expect(messages == ["la tournée « Printemps » a 4 soirées pour 5 demandées"])
    }
}
