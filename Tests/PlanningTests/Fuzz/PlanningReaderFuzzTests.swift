import CivilTime
import Foundation
import TestSupport
import Testing
import TextFormats

@testable import Planning

/// Mutations of the shipped seasons (tours/), their communes and school-holiday files, the national
/// communes file, a distance matrix and the golden plans: each reader of the planning layer
/// returns a value or refuses with issues that name the file in French, never crashes or hangs.
/// `TOURNEE_FUZZ_INPUTS` sets the number of inputs per reader (see Tests/TestSupport/Fuzzing);
/// `Benchmarks/fuzz.sh` runs them long.
struct PlanningReaderFuzzTests {
    /// Inputs stay small so that many fit in a few seconds, yet large enough for hundreds of
    /// copied tours or rows (a `repeatLine` mutation fills the room left).
    static let maximumSize = 64 * 1024

    static let shippedSeasons = ["guinguette-2027", "tournee-des-villages-2027"]

    static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Repository.url(relative)))
    }

    /// Throws when one of `issues` does not name a file of `folder` or leaks Swift or English.
    static func check(_ issues: [FileIssue], names folder: String) throws {
        for issue in issues { try ReaderFuzz.check(issue.description, names: folder) }
    }

    /// A matrix of every pair of the Guinguette's places (its depot and communes): the crow's
    /// flight with the season's detour factor, at the van's speed.
    static func guinguetteMatrix() throws -> String {
        let folder = Repository.url("tours/guinguette-2027")
        let season = try SeasonFixtures.loader().load(folder: folder, displayPath: "guinguette").season
        let vehicle = try #require(season.vehicles.first)
        let places = [(vehicle.base.insee ?? "", vehicle.base.coordinate)] + season.communes.map { ($0.insee, $0.coordinate) }
        var lines = ["from,to,km,minutes"]
        for (index, from) in places.enumerated() {
            for to in places[(index + 1)...] {
                let km = from.1.kilometres(to: to.1) * 1.3
                lines.append(String(format: "%@,%@,%.1f,%.0f", from.0, to.0, km, km / vehicle.speedKmh * 60))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Copies of the shipped season folders, the Guinguette's a second time with the matrix as
    /// its distances; seed input `i` is written into folder `i`.
    static func seasonFolders(in scratch: URL) throws -> (folders: [URL], seeds: [[UInt8]]) {
        var folders: [URL] = []
        var seeds: [[UInt8]] = []
        for name in shippedSeasons {
            let copy = scratch.appendingPathComponent(name)
            try FileManager.default.copyItem(at: Repository.url("tours/\(name)"), to: copy)
            folders.append(copy)
            seeds.append(try bytes("tours/\(name)/season.json"))
        }
        let matrixFolder = scratch.appendingPathComponent("matrice")
        try FileManager.default.copyItem(at: folders[0], to: matrixFolder)
        try guinguetteMatrix().write(to: matrixFolder.appendingPathComponent("routes.csv"), atomically: true, encoding: .utf8)
        let matrixSeason = String(decoding: seeds[0], as: UTF8.self).replacingOccurrences(
            of: #""distances": { "detourFactor": 1.3 }"#, with: #""distances": { "matrixFile": "routes.csv" }"#)
        try #require(matrixSeason.contains("routes.csv"))
        folders.append(matrixFolder)
        seeds.append(Array(matrixSeason.utf8))
        return (folders, seeds)
    }

    static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tournee-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The season file, with the communes and school holidays beside it: every issue names a file of
    /// the season folder; an accepted season asks no tour for more evenings than its calendar allows.
    @Test func season() throws {
        let scratch = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (folders, seeds) = try Self.seasonFolders(in: scratch)
        let loader = try SeasonFixtures.loader()
        try ReaderFuzz.run("season", seeds: seeds, seed: 21, defaultCount: 1000, maximumSize: Self.maximumSize) { input in
            let folder = folders[input.seedIndex]
            try Data(input.bytes).write(to: folder.appendingPathComponent("season.json"))
            do {
                let (season, warnings) = try loader.load(folder: folder, displayPath: "saison")
                try Self.check(warnings, names: "saison/")
                let calendar = EveningCalendar(season: season)
                for tour in season.tours where calendar.candidateDates(of: tour).count < tour.evenings {
                    throw FuzzRefusal("accepted the tour « \(tour.name) » asking for more evenings than its calendar allows")
                }
            } catch let error as SeasonError {
                // The shipped seasons themselves, cases 0 to 2, are valid.
                guard !input.mutations.isEmpty else { throw FuzzRefusal("refused the seed season: \(error.issues)") }
                try Self.check(error.issues, names: "saison/")
            }
        }
    }

    /// A season's communes file, read against the national file.
    @Test func communesCSV() throws {
        let seeds =
            try Self.shippedSeasons.map { try Self.bytes("tours/\($0)/communes.csv") }
            + [Self.bytes("Benchmarks/national-season/communes.csv")]
        let directory = try SeasonFixtures.directory.get()
        try ReaderFuzz.run("communesCSV", seeds: seeds, seed: 22, defaultCount: 300, maximumSize: Self.maximumSize) { input in
            let log = IssueLog()
            let communes = CommunesCSVReader(directory: directory, file: "communes.csv", log: log).read(input.lossyText)
            try Self.check(log.issues, names: "communes.csv")
            guard !log.hasErrors else { return }
            for commune in communes {
                let position = commune.coordinate
                guard (-90...90).contains(position.latitude), (-180...180).contains(position.longitude),
                    commune.maxVisits >= 1, commune.minVisits <= commune.maxVisits
                else {
                    throw FuzzRefusal(
                        "accepted the commune \(commune.insee) at \(position) with \(commune.minVisits)…\(commune.maxVisits) visits")
                }
            }
        }
    }

    /// The national communes file (`TOURNEE_COMMUNES_FILE` may name another copy), cut to a few
    /// hundred rows: every hundredth commune and those without a position.
    @Test func communeDirectory() throws {
        let lines = try String(
            contentsOf: Repository.url("Sources/Planning/Resources/communes-fr.csv"), encoding: .utf8
        )
        .split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.enumerated().filter { index, line in index == 0 || index % 100 == 0 || line.contains(",,,") }.map(\.element)
        let seed = Array((kept.joined(separator: "\n") + "\n").utf8)
        try ReaderFuzz.run("communeDirectory", seeds: [seed], seed: 23, defaultCount: 500, maximumSize: Self.maximumSize) { input in
            do {
                let directory = try CommuneDirectory(csv: input.lossyText, file: "communes-fr.csv")
                for commune in directory.communes {
                    guard let position = commune.coordinate else { continue }
                    guard (-90...90).contains(position.latitude), (-180...180).contains(position.longitude) else {
                        throw FuzzRefusal("accepted the commune \(commune.insee) at \(position)")
                    }
                }
            } catch let error as SeasonError {
                try Self.check(error.issues, names: "communes-fr.csv")
            }
        }
    }

    /// The département outlines under the maps, seeded with the three smallest départements of
    /// the shipped file: an accepted file holds only positions in range, in rings of four or more.
    @Test func departementOutlines() throws {
        let text = try String(contentsOf: Repository.url("Sources/Planning/Resources/departements.geojson"), encoding: .utf8)
        let root = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        let features = (root["features"] as! [[String: Any]]).sorted {
            (try! JSONSerialization.data(withJSONObject: $0)).count < (try! JSONSerialization.data(withJSONObject: $1)).count
        }
        let seed = try JSONSerialization.data(withJSONObject: ["type": "FeatureCollection", "features": Array(features.prefix(3))])
        #expect(seed.count < Self.maximumSize)
        try ReaderFuzz.run("departementOutlines", seeds: [Array(seed)], seed: 27, defaultCount: 500, maximumSize: Self.maximumSize) {
            input in
            do {
                let outlines = try DepartementOutlines(geoJSON: input.lossyText, file: "departements.geojson")
                for outline in outlines.outlines {
                    guard outline.rings.allSatisfy({ $0.count >= 4 }),
                        outline.rings.joined().allSatisfy({ (-90...90).contains($0.latitude) && (-180...180).contains($0.longitude) })
                    else { throw FuzzRefusal("accepted the outline of \(outline.code) with a bad ring") }
                }
            } catch let error as SeasonError {
                try Self.check(error.issues, names: "departements.geojson")
            }
        }
    }

    /// The Ministry's school-holiday file a season names.
    @Test func schoolHolidays() throws {
        let seeds = [try Self.bytes("tours/guinguette-2027/vacances-scolaires.csv")]
        try ReaderFuzz.run("schoolHolidays", seeds: seeds, seed: 24, defaultCount: 500, maximumSize: Self.maximumSize) { input in
            let (periods, issues) = SchoolHolidayPeriod.read(csv: input.lossyText, file: "vacances.csv")
            try Self.check(issues, names: "vacances.csv")
            for period in periods where !["A", "B", "C"].contains(period.zone) || period.days.first > period.days.last {
                throw FuzzRefusal(
                    "accepted the period « \(period.name) » of zone « \(period.zone) » from \(period.days.first) to \(period.days.last)")
            }
        }
    }

    /// A distance matrix a season imports: accepted distances and times are finite and positive.
    @Test func distanceMatrix() throws {
        let seeds = [Array(try Self.guinguetteMatrix().utf8)]
        try ReaderFuzz.run("distanceMatrix", seeds: seeds, seed: 25, defaultCount: 500, maximumSize: Self.maximumSize) { input in
            let log = IssueLog()
            let matrix = DistanceMatrixFile.read(input.lossyText, file: "routes.csv", log: log)
            try Self.check(log.issues, names: "routes.csv")
            for (pair, leg) in matrix?.entries ?? [:] where !(leg.km.isFinite && leg.km >= 0 && leg.minutes.isFinite && leg.minutes >= 0) {
                throw FuzzRefusal("accepted \(pair.from)→\(pair.to): \(leg.km) km, \(leg.minutes) min")
            }
        }
    }

    /// A plan read back as a document, then checked against the season it was made for.
    @Test func planFile() throws {
        let seeds = try Self.shippedSeasons.map { try Self.bytes("Tests/Fixtures/golden/plan-\($0).json") }
        let loader = try SeasonFixtures.loader()
        let seasons = try Self.shippedSeasons.map { name in
            try loader.load(folder: Repository.url("tours/\(name)"), displayPath: name).season
        }
        try ReaderFuzz.run("planFile", seeds: seeds, seed: 26, defaultCount: 1000, maximumSize: Self.maximumSize) { input in
            do {
                let document = try PlanFile.document(input.lossyText, file: "plan.json")
                for event in document.events where event.endsAt <= event.startsAt || !(event.km.isFinite && event.km >= 0) {
                    throw FuzzRefusal("accepted \(event.id) ending before it starts or with \(event.km) km")
                }
                let season = seasons[input.seedIndex]
                for event in try PlanFile.entries(input.lossyText, file: "plan.json", season: season)
                where !season.period.contains(event.date) {
                    throw FuzzRefusal("accepted \(event.id) on \(event.date), outside the season")
                }
            } catch let error as SeasonError {
                try Self.check(error.issues, names: "plan.json")
            }
        }
    }
}
