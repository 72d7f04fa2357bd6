import Foundation
import TestSupport
import Testing

@testable import Planning

/// A season loaded from its folder comes with the texts it read; loaded again from those texts
/// (as a database keeps them) it is the same season.
struct SeasonFilesTests {
    @Test func theFilesReadAreKeptInOrderAndLoadTheSameSeasonAgain() throws {
        let folder = Repository.url("tours/guinguette-2027")
        let loaded = try SeasonFixtures.loader().read(folder: folder, displayPath: "tours/guinguette-2027")
        #expect(loaded.files.files.map(\.name) == ["season.json", "vacances-scolaires.csv", "communes.csv"])
        let onDisk = try String(contentsOf: folder.appendingPathComponent("communes.csv"), encoding: .utf8)
        #expect(loaded.files.text(named: "communes.csv") == onDisk)
        let again = try SeasonFixtures.loader().read(stored: loaded.files, displayPath: "base:guinguette-2027")
        #expect(again.season.slug == "guinguette-2027")
        #expect(again.files == loaded.files)
        let plan = try Planner(iterations: 200).plan(loaded.season, seasonSlug: loaded.season.slug)
        let replan = try Planner(iterations: 200).plan(again.season, seasonSlug: again.season.slug)
        #expect(PlanJSON.render(replan) == PlanJSON.render(plan))
    }

    @Test func aKeptSeasonWithoutOneOfItsFilesNamesIt() throws {
        let folder = Repository.url("tours/guinguette-2027")
        var files = try SeasonFixtures.loader().read(folder: folder, displayPath: "g").files
        files.files.removeAll { $0.name == "communes.csv" }
        let error = try #require(throws: SeasonError.self) {
            try SeasonFixtures.loader().read(stored: files, displayPath: "base:g")
        }
        #expect(error.issues.map(\.description).contains { $0.hasPrefix("base:g/communes.csv") && $0.contains("fichier absent") })
    }
}
