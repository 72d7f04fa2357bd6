import CivilTime
import Foundation
import Planning
import TestSupport
import Testing

/// The maps as a reader takes them in: the territory under the villages, each evening's number
/// and date, the legs as the vehicle drives them, tours apart where they meet, communes left out
/// told apart, and in a real browser no name on top of another.
struct MapTests {
    /// One planned evening of plan.json.
    struct Evening {
        let date: String
        let tour: String
        let insee: String
        let name: String
    }

    static let months = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]

    /// « 12 juin », « 1er juillet » from an ISO date, written here apart from the code.
    static func dayAndMonth(_ iso: String) -> String {
        let parts = iso.split(separator: "-").map { Int($0)! }
        return "\(parts[2] == 1 ? "1er" : String(parts[2])) \(months[parts[1] - 1])"
    }

    /// Plans a shipped season into a temporary folder; returns the folder and its evenings.
    static func plan(_ name: String) throws -> (folder: URL, evenings: [Evening]) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tournee-map-\(UUID().uuidString)")
        let run = TourneeRun(["plan", "tours/\(name)", "--out", out.path])
        guard run.status == .success else { throw SupportError("tournee plan \(name): \(run.err)") }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("plan.json"))) as! [String: Any]
        let evenings = (json["events"] as! [[String: Any]]).map { event in
            let commune = event["commune"] as! [String: Any]
            return Evening(
                date: event["date"] as! String, tour: event["tour"] as! String, insee: commune["insee"] as! String,
                name: commune["name"] as! String)
        }
        return (out, evenings)
    }

    static func distance(_ x: Double, _ y: Double, _ point: MapFacts.Point) -> Double {
        ((x - point.x) * (x - point.x) + (y - point.y) * (y - point.y)).squareRoot()
    }

    /// Numbers in date order over the tours (a tie in the map's tour order), each beside its date.
    static func expectNumbers(_ facts: MapFacts, _ evenings: [Evening]) {
        let tourOrder = facts.tours.map(\.name)
        let ordered = evenings.sorted { ($0.date, tourOrder.firstIndex(of: $0.tour)!) < ($1.date, tourOrder.firstIndex(of: $1.tour)!) }
        let numbered = facts.numberedDates
        #expect(facts.omitted == 0, "\(facts.texts)")
        #expect(Set(numbered.keys) == Set(1...evenings.count))
        for (index, evening) in ordered.enumerated() {
            #expect(numbered[index + 1] == dayAndMonth(evening.date), "soirée \(index + 1) : \(evening)")
        }
    }

    @Test func theGuinguetteMapShowsItsTerritoryTheOrderOfItsEveningsAndItsSpokes() throws {
        let (folder, evenings) = try Self.plan("guinguette-2027")
        defer { try? FileManager.default.removeItem(at: folder) }
        let facts = try MapFacts.read(folder.appendingPathComponent("map.svg").path)
        #expect(facts.title == "Carte — La Guinguette mobile 2027")
        // Saint-Dizier lies where the Marne meets the Haute-Marne; the Meuse and the Aube are in
        // view; nothing far away is drawn.
        #expect(Set(["51", "52"]).isSubset(of: facts.departements) && facts.departements.count <= 6, "\(facts.departements)")
        #expect(facts.texts.contains("Marne (51)"))
        // Bottom to top: the territory, the legs, the communes, the bases, then the names.
        #expect(
            facts.groups.filter { ["departements", "trajets", "communes", "bases", "etiquettes", "legende"].contains($0) }
                == ["departements", "trajets", "communes", "bases", "etiquettes", "legende"])
        Self.expectNumbers(facts, evenings)
        // The van returns to base every night: one spoke per commune of each tour, from the base.
        let base = try #require(facts.bases.first)
        #expect(facts.bases.count == 1)
        for tour in facts.tours {
            #expect(tour.legs.count == Set(evenings.filter { $0.tour == tour.name }.map(\.insee)).count, "\(tour.name)")
            for leg in tour.legs {
                #expect(min(Self.distance(leg[0], leg[1], base), Self.distance(leg[2], leg[3], base)) < 5, "\(tour.name) \(leg)")
            }
        }
        #expect(Set(facts.tours.map(\.dash)).count == 4 && Set(facts.tours.map(\.stroke)).count == 4)
        #expect(facts.labels.contains { $0.lines == ["Saint-Dizier, dépôt de la Guinguette"] })
        #expect(!facts.texts.contains { $0.contains("non desservie") })
    }

    @Test func aCompanyGoingStraightOnChainsOnlyTheEveningsThatFollow() throws {
        let (folder, evenings) = try Self.plan("tournee-des-villages-2027")
        defer { try? FileManager.default.removeItem(at: folder) }
        let facts = try MapFacts.read(folder.appendingPathComponent("map.svg").path)
        Self.expectNumbers(facts, evenings)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withFullDate]
        for tour in facts.tours {
            // From the base to the first village, village to village the next day, home otherwise
            // and after the last: the distinct legs, counted here from plan.json.
            let stops = evenings.filter { $0.tour == tour.name }.sorted { $0.date < $1.date }
            var legs = Set<[String]>()
            for (index, stop) in stops.enumerated() {
                let follows =
                    index > 0
                    && calendar.date(byAdding: .day, value: 1, to: format.date(from: stops[index - 1].date)!)
                        == format.date(from: stop.date)
                if follows {
                    legs.insert([stops[index - 1].insee, stop.insee].sorted())
                } else {
                    if index > 0 { legs.insert([stops[index - 1].insee, "base"].sorted()) }
                    legs.insert([stop.insee, "base"].sorted())
                }
            }
            if let last = stops.last { legs.insert([last.insee, "base"].sorted()) }
            #expect(tour.legs.count == legs.count, "\(tour.name) : \(stops.map(\.date))")
        }
        // The two cinema tours drive the same roads: side by side, never one over the other.
        let lines = facts.tours.flatMap { tour in tour.legs.map { $0.map { ($0 * 10).rounded() } } }
        #expect(Set(lines).count == lines.count)
    }

    @Test func communesLeftOutAreToldApartByWhatTheyAsked() throws {
        let base = Place(name: "Dépôt", insee: nil, coordinate: Coordinate(latitude: 48.64, longitude: 4.95))
        let map = TourMap(
            title: "Essai",
            communes: [
                TourMap.Commune(name: "Servie", coordinate: Coordinate(latitude: 48.70, longitude: 4.90), radius: 7, visit: .served),
                TourMap.Commune(name: "Souhaitée", coordinate: Coordinate(latitude: 48.55, longitude: 5.05), radius: 7, visit: .missed),
                TourMap.Commune(name: "Facultative", coordinate: Coordinate(latitude: 48.60, longitude: 4.80), radius: 7, visit: .optional),
            ],
            tours: [
                TourMap.Tour(
                    name: "Été", base: base, travel: .returnToBase,
                    stops: [TourMap.Stop(date: CivilDate(year: 2028, month: 2, day: 29)!, commune: 0)])
            ],
            sizeNote: "taille selon la population", figures: [])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tournee-carte-\(UUID().uuidString).svg")
        defer { try? FileManager.default.removeItem(at: file) }
        let svg = TourMapSVG.render(map, outlines: nil)
        #expect(svg == TourMapSVG.render(map, outlines: nil))
        try Data(svg.utf8).write(to: file)
        let facts = try MapFacts.read(file.path)
        #expect(facts.communes.map(\.stroke) == ["#ffffff", "#c00000", "#8c8c8c"])
        #expect(facts.communes[1].dash == "3 2" && facts.communes[2].dash == nil)
        #expect(facts.labels.map(\.lines) == [["Dépôt"], ["Servie", "1 · 29 février"], ["Souhaitée", "non planifiée"], ["Facultative"]])
        #expect(facts.labels[2].fill == "#b00000" && facts.labels[3].fill == "#6f6f6f")
        #expect(facts.texts.contains("visite souhaitée, non planifiée") && facts.texts.contains("visite facultative, non planifiée"))
        #expect(facts.departements.isEmpty && facts.texts.contains { $0.hasPrefix("Fond de carte indisponible") })
    }

    /// Both shipped seasons' maps and the 2023 report, opened in Chromium at a phone's width:
    /// every name as the browser lays it out is clear of the others and of the marks, and stays
    /// off the legend. Screenshots: `.build/artefacts/browser/cartes/`.
    @Test func theMapsReadInABrowserWithNoNameOverAnother() throws {
        guard Browser.shouldRun else { return }
        let guinguette = try Self.plan("guinguette-2027")
        let villages = try Self.plan("tournee-des-villages-2027")
        defer {
            try? FileManager.default.removeItem(at: guinguette.folder)
            try? FileManager.default.removeItem(at: villages.folder)
        }
        let world = try RecordsWorld.guinguette2023()
        let report = world.folder.appendingPathComponent("bilan.html").path
        #expect(world.run(["report", RecordsWorld.season2023, "--format", "html", "--out", report]).status == .success)
        let files = [
            "guinguette-2027": guinguette.folder.appendingPathComponent("map.svg").path,
            "tournee-des-villages-2027": villages.folder.appendingPathComponent("map.svg").path, "bilan-2023": report,
        ]
        struct Seen: Decodable {
            let names: Int
            let overlaps: [[String]]
            let outside: [String]
        }
        let shots = try Browser.screenshots("cartes")
        let seen = try Browser.serially {
            try PythonPeer.json(
                [String: Seen].self, "browser_map.py", [shots.path] + files.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        }
        for (name, file) in files {
            let facts = try MapFacts.read(file)
            let drawn = try #require(seen[name])
            #expect(drawn.overlaps.isEmpty && drawn.outside.isEmpty, "\(name) : \(drawn)")
            // Every name is there, or the legend counts those the room could not take: none on
            // the shipped seasons' maps, one in the tight cluster of the 2023 report.
            #expect(drawn.names == facts.labels.count && drawn.names + facts.omitted == facts.communes.count + facts.bases.count, "\(name)")
            #expect(facts.omitted <= (name == "bilan-2023" ? 1 : 0), "\(name) : \(facts.texts)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: shots.path).filter { $0.hasSuffix(".png") }.count == 2 * files.count)
    }
}
