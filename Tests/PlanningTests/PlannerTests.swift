import CivilTime
import Foundation
import TestSupport
import Testing

@testable import Planning

struct PlannerTests {
    static let shippedSeasons = ["guinguette-2027", "tournee-des-villages-2027"]

    private func shipped(_ name: String) throws -> Season {
        try SeasonFixtures.loader().load(folder: Repository.url("tours/\(name)"), displayPath: "tours/\(name)")
            .season
    }

    private func entries(_ plan: Plan) throws -> [PlanDocument.EventPart] {
        try PlanFile.entries(PlanJSON.render(plan), file: "plan.json", season: plan.season)
    }

    /// The shipped plans are kept as golden files: any change in the solver or the model that
    /// changes a plan shows up here, to be looked at before the golden file is renewed.
    @Test(arguments: shippedSeasons)
    func theShippedSeasonsPlanAsTheirGoldenFiles(name: String) throws {
        let plan = try Planner().plan(shipped(name), seasonSlug: name)
        let golden = try Repository.text("Tests/Fixtures/golden/plan-\(name).json")
        #expect(PlanJSON.render(plan) == golden)
    }

    /// Independently of the golden files: the plan breaks no rule of its season, fills every tour,
    /// and lists its events by date with unique identifiers.
    @Test(arguments: shippedSeasons)
    func theShippedPlansKeepEveryRule(name: String) throws {
        let season = try shipped(name)
        let plan = try Planner().plan(season, seasonSlug: name)
        #expect(PlanChecker(season: season).check(try entries(plan), file: "plan.json").map(\.description) == [])
        #expect(plan.summary.evenings == season.tours.reduce(0) { $0 + $1.evenings })
        #expect(plan.events.map(\.date) == plan.events.map(\.date).sorted())
        #expect(Set(plan.events.map(\.id)).count == plan.events.count)
        #expect(plan.events.allSatisfy { $0.status == .proposed })
    }

    /// The bound relaxes rules, so no plan can beat it; the Guinguette's plan reaches it.
    @Test(arguments: shippedSeasons)
    func theLowerBoundNeverExceedsThePlan(name: String) throws {
        let season = try shipped(name)
        let plan = try Planner().plan(season, seasonSlug: name)
        let preferred = PreferredEvenings(season: season, calendar: EveningCalendar(season: season))
        let bound = SeasonBound.lowerBound(of: try SeasonProblem(season: season), filling: plan.summary.evenings, preferred: preferred)
        #expect(bound <= plan.objective.total + 1e-6)
        if name == "guinguette-2027" { #expect(plan.quality == .provenOptimal) }
    }

    /// Whatever the seed and however short the search, a plan never breaks a rule.
    @Test(arguments: shippedSeasons)
    func shortSearchesWithOtherSeedsStillKeepEveryRule(name: String) throws {
        var season = try shipped(name)
        for seed in UInt64(1)...6 {
            season.seed = seed
            let plan = try Planner(iterations: 60).plan(season, seasonSlug: name)
            #expect(PlanChecker(season: season).check(try entries(plan), file: "plan.json").map(\.description) == [], "seed \(seed)")
        }
    }

    @Test func sameSeasonAndSeedGiveTheSameBytes() throws {
        let season = try shipped("guinguette-2027")
        let first = PlanJSON.render(try Planner().plan(season, seasonSlug: "guinguette-2027"))
        let second = PlanJSON.render(try Planner().plan(season, seasonSlug: "guinguette-2027"))
        #expect(first == second)
    }

    @Test func replanningKeepsConfirmedAndDoneEventsWhereTheyAre() throws {
        let season = try shipped("guinguette-2027")
        let first = try Planner().plan(season, seasonSlug: "guinguette-2027")
        let kept = [first.events[3], first.events[9], first.events[20]].enumerated().map { index, event in
            KeptEvent(id: event.id, insee: event.insee, tour: event.tour, date: event.date, status: index == 2 ? .done : .confirmed)
        }
        var changed = season
        changed.seed = 99
        let second = try Planner().plan(changed, seasonSlug: "guinguette-2027", basis: PlanBasis(kept: kept))
        for event in kept {
            let again = try #require(second.events.first { $0.id == event.id })
            #expect(again.date == event.date && again.insee == event.insee && again.status == event.status)
        }
        #expect(Set(second.events.map(\.id)).count == second.events.count)
        #expect(PlanChecker(season: season).check(try entries(second), file: "plan.json").isEmpty)
    }

    /// A confirmed evening is an agreement with a mairie: it stays even where it breaks a rule,
    /// and the plan says so in the words of `tournee check`.
    @Test func aKeptEventThatBreaksARuleStaysWithAWarning() throws {
        let season = try shipped("guinguette-2027")
        let monday = KeptEvent(id: "x", insee: "51008", tour: "Juin", date: CivilDate(iso: "2027-06-07")!, status: .confirmed)
        let plan = try Planner(iterations: 300).plan(season, seasonSlug: "g", basis: PlanBasis(kept: [monday]))
        #expect(plan.events.contains { $0.id == "x" && $0.date.description == "2027-06-07" })
        #expect(
            plan.warnings.contains {
                $0.kind == .keptEventBreaksRule && $0.text == "événement confirmé x : Ambrières le 2027-06-07 : pas de soirée le lundi"
            })
    }

    /// A kept evening on a tour the season no longer has, or no longer gives its commune, is
    /// never left out of the plan unsaid: planning refuses, naming it.
    @Test(arguments: ["Juin bis", "Printemps"])
    func aKeptEventOnATourTheSeasonNoLongerGivesItIsRefused(tour: String) throws {
        var season = try shipped("guinguette-2027")
        if tour == "Printemps", let index = season.communes.firstIndex(where: { $0.insee == "51008" }) {
            season.communes[index].tours = ["Juin"]
        }
        let kept = KeptEvent(id: "x", insee: "51008", tour: tour, date: CivilDate(iso: "2027-05-21")!, status: .confirmed)
        #expect(throws: PlanningError.keptEventWithoutTour(id: "x", date: kept.date, tour: tour)) {
            try Planner(iterations: 100).plan(season, seasonSlug: "g", basis: PlanBasis(kept: [kept]))
        }
        #expect(
            PlanningError.keptEventWithoutTour(id: "x", date: kept.date, tour: tour).description
                == "la soirée gardée x du 2027-05-21 est sur la tournée « \(tour) », que la saison n'a plus pour sa commune ; rien n'a été replanifié : remettez la tournée dans season.json, ou annulez la soirée (tournee event cancel)"
        )
    }

    @Test func twoKeptEventsOnTheSameEveningAreRefused() throws {
        let season = try shipped("guinguette-2027")
        let date = CivilDate(iso: "2027-06-04")!
        let kept = [
            KeptEvent(id: "a", insee: "51008", tour: "Juin", date: date, status: .confirmed),
            KeptEvent(id: "b", insee: "52391", tour: "Juin", date: date, status: .confirmed),
        ]
        #expect(throws: PlanningError.self) { try Planner(iterations: 100).plan(season, seasonSlug: "g", basis: PlanBasis(kept: kept)) }
    }

    @Test func returnToBaseCountsRoundTripsAndStraightOnCountsLegs() throws {
        let season = try shipped("tournee-des-villages-2027")
        let plan = try Planner().plan(season, seasonSlug: "v")
        let theatre = plan.events.filter { $0.vehicle == "theatre" }
        #expect(theatre.first?.from == "Le Mans, siège de la compagnie")
        // Straight on when the next evening follows, home in between otherwise.
        for (previous, next) in zip(theatre, theatre.dropFirst()) {
            let chained = previous.date.adding(days: 1) == next.date
            #expect(next.from == (chained ? previous.communeName : "Le Mans, siège de la compagnie"))
        }
        #expect(theatre.contains { $0.from != "Le Mans, siège de la compagnie" })
        let guinguette = try Planner().plan(shipped("guinguette-2027"), seasonSlug: "g")
        let base = try shipped("guinguette-2027").vehicles[0].base
        for event in guinguette.events {
            let commune = try #require(guinguette.season.communes.first { $0.insee == event.insee })
            #expect(abs(event.km - 2 * 1.3 * base.coordinate.kilometres(to: commune.coordinate)) < 1e-6)
            #expect(event.from == base.name)
        }
        #expect(abs(guinguette.summary.km - guinguette.events.reduce(0) { $0 + $1.km }) < 1e-6)
    }
}
