import Foundation
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
}
