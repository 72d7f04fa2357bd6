import Foundation
import TestSupport
import Testing

@testable import Planning

/// The season's slug is decided once, from the folder it was read from.
struct SeasonIdentityTests {
    @Test func slugIsTheFolderNameWhateverThePathSpelling() throws {
        let folder = try SeasonFixtures.write(season: SeasonFixtures.seasonJSON())
        defer { try? FileManager.default.removeItem(at: folder) }
        let spelled = URL(fileURLWithPath: folder.path + "/./")
        let (season, _) = try SeasonFixtures.loader().load(folder: spelled, displayPath: "essai")
        #expect(season.slug == folder.lastPathComponent)
    }

    @Test func plannedIdentifiersStartWithTheSlug() throws {
        let folder = try SeasonFixtures.write(season: SeasonFixtures.seasonJSON())
        defer { try? FileManager.default.removeItem(at: folder) }
        let (season, _) = try SeasonFixtures.loader().load(folder: folder, displayPath: "essai")
        let plan = try Planner(iterations: 200).plan(season, seasonSlug: season.slug)
        #expect(plan.seasonSlug == season.slug)
        #expect(plan.events.allSatisfy { $0.id.hasPrefix(Planner.slug(season.slug) + "-") })
    }

    /// `SAISON-INSEE-N`: the commune and its visit's rank in date order, never the tour or the
    /// plan's order, so renaming the tours plans the same identifiers.
    @Test func identifiersAreTheCommuneAndTheRankOfItsVisit() throws {
        let folder = Repository.url("tours/guinguette-2027")
        let season = try SeasonFixtures.loader().load(folder: folder, displayPath: "g").season
        let plan = try Planner(iterations: 300).plan(season, seasonSlug: season.slug)
        var rank: [String: Int] = [:]
        for event in plan.events {
            rank[event.insee, default: 0] += 1
            #expect(event.id == "guinguette-2027-\(event.insee)-\(rank[event.insee]!)")
        }
        #expect(rank.values.contains { $0 > 1 })
        var renamed = season
        renamed.tours = season.tours.enumerated().map { index, tour in
            var tour = tour
            tour.name = "Tournée \(index)"
            return tour
        }
        let replanned = try Planner(iterations: 300).plan(renamed, seasonSlug: season.slug)
        #expect(replanned.events.map(\.id) == plan.events.map(\.id))
    }

    /// A kept evening keeps its identifier; the commune's other visits take the ranks left.
    @Test func aKeptEveningKeepsItsIdentifier() throws {
        let folder = Repository.url("tours/guinguette-2027")
        let season = try SeasonFixtures.loader().load(folder: folder, displayPath: "g").season
        let plan = try Planner(iterations: 300).plan(season, seasonSlug: season.slug)
        let twice = try #require(Dictionary(grouping: plan.events, by: \.insee).values.first { $0.count == 2 })
        let first = twice[0]
        let kept = KeptEvent(
            id: "guinguette-2027-\(first.insee)-2", insee: first.insee, tour: first.tour, date: first.date, status: .confirmed)
        let replanned = try Planner(iterations: 300).plan(season, seasonSlug: season.slug, basis: PlanBasis(kept: [kept]))
        let own = replanned.events.filter { $0.insee == first.insee }
        #expect(own.first { $0.date == first.date }?.id == kept.id)
        // Another visit, when the search makes one, takes the rank the kept one left.
        #expect(own.filter { $0.id != kept.id }.allSatisfy { $0.id == "guinguette-2027-\(first.insee)-1" })
    }
}
