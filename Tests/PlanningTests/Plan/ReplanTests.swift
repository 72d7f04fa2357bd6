import CivilTime
import Foundation
import TestSupport
import Testing

@testable import Planning

/// Re-planning from a plan's evenings (a basis): confirmed ones fixed, announced ones moved only
/// when worth the stability penalty, declined dates never offered again.
struct ReplanTests {
    private func shipped(_ name: String) throws -> Season {
        try SeasonFixtures.loader().load(folder: Repository.url("tours/\(name)"), displayPath: "tours/\(name)")
            .season
    }

    /// The basis after the mairie of `declined`'s commune refused it, every other evening
    /// announced.
    private func declining(_ declined: PlannedEvent, in plan: Plan) -> PlanBasis {
        var basis = PlanBasis(evenings: plan, announced: true)
        basis.standing.removeAll { $0.id == declined.id }
        basis.declined = [DeclinedDate(id: declined.id, insee: declined.insee, date: declined.date)]
        return basis
    }

    @Test(arguments: PlannerTests.shippedSeasons)
    func aReplanWithNothingNewKeepsEveryEveningAndItsIdentifier(name: String) throws {
        let season = try shipped(name)
        let plan = try Planner().plan(season, seasonSlug: name)
        for announced in [true, false] {
            let replan = try Planner().plan(season, seasonSlug: name, basis: PlanBasis(evenings: plan, announced: announced))
            let changes = PlanChanges(of: replan)
            #expect(changes.changes.count == plan.events.count)
            #expect(changes.changes.allSatisfy { $0.kind == .kept }, "\(changes.changes.filter { $0.kind != .kept })")
            #expect(replan.events.map(\.id) == plan.events.map(\.id))
        }
    }

    /// The Tournée des villages drives straight on, so moving an evening can change its
    /// kilometres: with no penalty the re-plan after a decline moves other evenings freely (a
    /// plan no longer than with the penalty), with the default one (more than any kilometre
    /// saving) it moves none; either way the commune is never offered the date it refused, and
    /// gets another.
    @Test func theDefaultPenaltyKeepsAnnouncedEveningsThatAPenaltyOfZeroMoves() throws {
        var season = try shipped("tournee-des-villages-2027")
        let plan = try Planner().plan(season, seasonSlug: "v")
        let declined = try #require(plan.events.first { $0.insee == "79156" })
        let basis = declining(declined, in: plan)
        let kept = try Planner().plan(season, seasonSlug: "v", basis: basis)
        season.objective.stabilityPenalty = 0
        let free = try Planner().plan(season, seasonSlug: "v", basis: basis)
        for replan in [kept, free] {
            #expect(!replan.events.contains { $0.insee == declined.insee && $0.date == declined.date })
            #expect(replan.events.contains { $0.insee == declined.insee })
            #expect(!replan.events.contains { $0.id == declined.id })
        }
        let defaultChanges = PlanChanges(of: kept)
        #expect(defaultChanges.stabilityPenalty > 0)
        #expect(defaultChanges.announced(.moved) == 0)
        #expect(defaultChanges.announced(.withdrawn) == 0)
        let added = try #require(defaultChanges.changes(.added).first)
        #expect(defaultChanges.changes(.added).count == 1)
        #expect(added.insee == declined.insee)
        #expect(added.reason == "remplace la date refusée du \(declined.date) (\(declined.id))")
        #expect(added.id != declined.id)
        let freeChanges = PlanChanges(of: free)
        #expect(freeChanges.stabilityPenalty == 0)
        #expect(freeChanges.announced(.moved) > 0)
        #expect(free.summary.km <= kept.summary.km + 1e-6)
        for moved in freeChanges.changes(.moved) {
            #expect(plan.events.contains { $0.id == moved.id && $0.date == moved.before?.date })
            #expect(free.events.contains { $0.id == moved.id && $0.date == moved.after?.date })
        }
    }

    /// Confirmed evenings stay exactly where they are, whatever the penalty; an announced
    /// evening whose date the season no longer allows moves, keeps its identifier and says why.
    @Test func confirmedEveningsStayAndAnEveningOnAForbiddenDateMovesWithItsReason() throws {
        var season = try shipped("guinguette-2027")
        let plan = try Planner().plan(season, seasonSlug: "g")
        var basis = PlanBasis(evenings: plan, announced: true)
        let confirmed = Array(basis.standing.prefix(2))
        basis.standing.removeFirst(2)
        basis.kept = confirmed.map { KeptEvent(id: $0.id, insee: $0.insee, tour: $0.tour, date: $0.date, status: .confirmed) }
        let forbidden = basis.standing[3]
        let index = try #require(season.communes.firstIndex { $0.insee == forbidden.insee })
        season.communes[index].unavailable.append(DateRange(forbidden.date, forbidden.date))
        for penalty in [0.0, 1_000] {
            season.objective.stabilityPenalty = penalty
            let replan = try Planner().plan(season, seasonSlug: "g", basis: basis)
            let changes = PlanChanges(of: replan)
            for event in confirmed {
                #expect(replan.events.contains { $0.id == event.id && $0.date == event.date && $0.tour == event.tour })
                #expect(changes.changes.first { $0.id == event.id }?.kind == .kept)
            }
            let moved = try #require(changes.changes.first { $0.id == forbidden.id })
            #expect(moved.kind == .moved)
            #expect(moved.reason == "le \(forbidden.date) n'est plus permis : commune indisponible")
            #expect(replan.events.contains { $0.id == forbidden.id && $0.date != forbidden.date })
            if penalty > 0 { #expect(changes.announced(.moved) == 1) }
        }
    }

    @Test func noEveningIsAddedOrMovedBeforeTheFirstNewDate() throws {
        let season = try shipped("guinguette-2027")
        let plan = try Planner().plan(season, seasonSlug: "g")
        let declined = plan.events[0]
        var basis = declining(declined, in: plan)
        basis.firstNewDate = plan.events[6].date
        let replan = try Planner().plan(season, seasonSlug: "g", basis: basis)
        let changes = PlanChanges(of: replan)
        #expect(!changes.changes.isEmpty)
        for change in changes.changes where change.kind == .added || change.kind == .moved {
            #expect(try #require(change.after?.date) >= plan.events[6].date)
        }
    }

    /// The default is more than twice the longest leg at its vehicle's cost per km, and no more
    /// than a euro above it.
    @Test func theDefaultPenaltyExceedsWhatMovingOneEveningCanSave() throws {
        let season = try shipped("guinguette-2027")
        let compiled = try SeasonProblem(season: season)
        let van = season.vehicles[0]
        var longest = 0.0
        let locations = [compiled.tourBase[0]] + Array(compiled.communeLocation[0].values)
        for a in locations { for b in locations { longest = max(longest, compiled.problem.distances[a, b]) } }
        #expect(compiled.stabilityPenalty > 2 * longest * van.costPerKm)
        #expect(compiled.stabilityPenalty <= (2 * longest * van.costPerKm).rounded(.up) + 1)
    }
}
