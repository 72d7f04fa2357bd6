import CommandLineSupport
import Foundation
import Planning
import Routing
import TestSupport
import Testing
import TourneeCLI

struct BenchCommandTests {
    static let keys = ["instance", "objective", "cost", "vehicles", "seconds", "seed", "feasible", "bks", "gap_pct", "peak_rss_mb"]

    /// The output's lines as JSON objects, after checking that each line holds exactly `keys`, in order.
    private func objects(_ out: String, keys: [String]) throws -> [[String: Any]] {
        try out.split(separator: "\n").map { line in
            let order = keys.map { "\"\($0)\": " }
            var cursor = line.startIndex
            for key in order {
                let found = try #require(line.range(of: key, range: cursor..<line.endIndex), "\(key) missing or out of order in \(line)")
                cursor = found.upperBound
            }
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            let members = try #require(object)
            #expect(members.keys.sorted() == keys.sorted())
            return members
        }
    }

    @Test func aShortRunPrintsOneCheckedLinePerInstanceAndWritesScorableRoutes() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-bench")
        defer { directory.remove() }
        let folder = directory.url
        let files = ["tsplib/kroA100.tsp", "solomon/C101.txt", "cvrplib-x/X-n101-k25.vrp"]
        let run = TourneeRun(
            ["bench"] + files.map(BenchmarkData.path) + [
                "--iterations", "30", "--seed", "5", "--bks", BenchmarkData.path("bks.csv"), "--routes", folder.path,
            ])
        #expect(run.status == .success)
        #expect(run.err.isEmpty)
        let lines = try objects(run.out, keys: Self.keys)
        #expect(lines.map { $0["instance"] as? String } == ["kroA100", "C101", "X-n101-k25"])
        #expect(lines.map { $0["objective"] as? String } == ["distance", "hierarchical", "distance"])
        #expect(lines.map { $0["bks"] as? Double } == [21282, 828.94, 27591])
        for (file, line) in zip(files, lines) {
            #expect(line["seed"] as? Int == 5)
            #expect(line["feasible"] as? Bool == true)
            let cost = try #require(line["cost"] as? Double)
            let bks = try #require(line["bks"] as? Double)
            // Vehicles first, the gap is only given at the best known's 10 vehicles.
            if line["objective"] as? String == "distance" || line["vehicles"] as? Int == 10 {
                let gap = try #require(line["gap_pct"] as? Double)
                #expect(abs(gap - 100 * (cost - bks) / bks) < 0.005)
                #expect(cost >= bks)
            } else {
                #expect(line["gap_pct"] is NSNull)
            }
            #expect(line["peak_rss_mb"] as? Double ?? 0 > 0)
            // The route file, read back and scored from the benchmark file alone, agrees with the line.
            let instance = try BenchmarkData.instance(file)
            let name = try #require(line["instance"] as? String)
            let text = try String(contentsOf: folder.appendingPathComponent(name + ".sol"), encoding: .utf8)
            let routes = try RouteFile.parse(text, fileName: name).nodeRoutes(in: instance, fileName: name)
            let evaluation = BenchmarkEvaluation(routes: routes, of: instance)
            #expect(evaluation.isFeasible)
            #expect(instance.convention.reportedCost(evaluation.distance) == cost)
            #expect(evaluation.vehicles == line["vehicles"] as? Int)
        }
    }

    @Test func anIterationLimitedRunIsReproducible() throws {
        let arguments = ["bench", BenchmarkData.path("solomon/R101.txt"), "--iterations", "20", "--objective", "distance"]
        let first = try #require(try objects(TourneeRun(arguments).out, keys: Self.keys).first)
        let second = try #require(try objects(TourneeRun(arguments).out, keys: Self.keys).first)
        for key in ["cost", "vehicles", "objective", "feasible"] {
            #expect("\(first[key]!)" == "\(second[key]!)")
        }
        #expect(first["bks"] is NSNull)
        #expect(first["gap_pct"] is NSNull)
    }

    @Test func theGapIsLeftOutWhenTheObjectiveOrTheVehicleCountDiffersFromTheBestKnown() throws {
        let run = TourneeRun([
            "bench", BenchmarkData.path("solomon/C101.txt"), "--iterations", "5", "--objective", "distance",
            "--bks", BenchmarkData.path("bks.csv"),
        ])
        let line = try #require(try objects(run.out, keys: Self.keys).first)
        #expect(line["objective"] as? String == "distance")
        #expect(line["bks"] is NSNull)
        #expect(line["gap_pct"] is NSNull)
        // RC101's best known uses 14 vehicles, which a five-iteration search does not reach.
        let short = TourneeRun([
            "bench", BenchmarkData.path("solomon/RC101.txt"), "--iterations", "5", "--bks", BenchmarkData.path("bks.csv"),
        ])
        let vehiclesFirst = try #require(try objects(short.out, keys: Self.keys).first)
        #expect(vehiclesFirst["objective"] as? String == "hierarchical")
        #expect(vehiclesFirst["vehicles"] as? Int ?? 0 > 14)
        #expect(vehiclesFirst["bks"] as? Double == 1696.94)
        #expect(vehiclesFirst["gap_pct"] is NSNull)
    }

    @Test func aSeasonRunReportsWhatThePlannerPlans() throws {
        let path = "tours/tournee-des-villages-2027"
        let run = TourneeRun(["bench", "--season", path + "/", "--iterations", "50"])
        #expect(run.status == .success)
        let line = try #require(try objects(run.out, keys: ["season", "evenings", "communes", "km", "seconds", "peak_rss_mb"]).first)
        let directory = try CommuneDirectory.loadShipped(environment: [:])
        let (season, _) = try SeasonLoader(directory: directory).load(
            folder: Repository.url(path), displayPath: path)
        let plan = try Planner(iterations: 50).plan(season, seasonSlug: "tournee-des-villages-2027")
        #expect(line["season"] as? String == path)
        #expect(line["evenings"] as? Int == plan.summary.evenings)
        #expect(line["communes"] as? Int == plan.summary.communesServed)
        #expect(abs((line["km"] as? Double ?? -1) - plan.summary.km) <= 0.05)
    }

    /// One line per decline (each commune's first evening in turn), then the season's summary.
    @Test func aReplanRunDeclinesEachCommuneInTurn() throws {
        let path = "tours/tournee-des-villages-2027"
        let run = TourneeRun(["bench", "--replan", path, "--iterations", "50"])
        #expect(run.status == .success, "\(run.err)")
        let lines = run.out.split(separator: "\n").map(String.init)
        let declines = try objects(
            lines.dropLast().joined(separator: "\n"), keys: ["season", "declined", "moved", "withdrawn", "added", "reproposed", "seconds"])
        #expect(declines.count == 9)
        #expect(Set(declines.compactMap { $0["declined"] as? String }).count == 9)
        #expect(declines.allSatisfy { $0["reproposed"] as? Bool == false && $0["season"] as? String == path })
        let summary = try #require(
            try objects(
                lines.last ?? "",
                keys: [
                    "season", "declines", "moved_mean", "moved_max", "withdrawn_mean", "reproposed", "stability_penalty", "seconds_mean",
                    "seconds_max", "peak_rss_mb",
                ]
            ).first)
        #expect(summary["declines"] as? Int == 9)
        let moved = declines.map { $0["moved"] as? Int ?? -1 }
        #expect(summary["moved_max"] as? Int == moved.max())
        #expect(abs(((summary["moved_mean"] as? NSNumber)?.doubleValue ?? -1) - Double(moved.reduce(0, +)) / 9) < 0.001)
        #expect((summary["stability_penalty"] as? NSNumber)?.doubleValue ?? 0 > 0)
    }

    @Test func theNationalBenchmarkSeasonIsValid() {
        let run = TourneeRun(["validate", "Benchmarks/national-season"])
        #expect(run.status == .success)
        #expect(run.out.contains("15 tournées, 150 soirées, 220 communes, 5 véhicules"))
    }

    @Test(arguments: [
        (["bench"], "FICHIER manquant"),
        (["bench", "a.tsp", "--objective", "vehicles"], "--objective : distance ou hierarchical attendu, trouvé « vehicles »"),
        (["bench", "a.tsp", "--threads", "3"], "--threads : entier entre 1 et 2 attendu, trouvé « 3 »"),
        (["bench", "a.tsp", "--time-limit", "0"], "--time-limit : nombre entre 0.01 et 86400.0 attendu, trouvé « 0 »"),
        (
            ["bench", "a.tsp", "--time-limit", "5", "--iterations", "9"],
            "--time-limit et --iterations s'excluent : une durée ou un nombre d'itérations"
        ),
        (["bench", "--season", "tours/guinguette-2027", "--bks", "bks.csv"], "--bks ne s'applique pas à --season"),
        (
            ["bench", "--season", "tours/guinguette-2027", "--seed", "3"],
            "--seed ne s'applique pas à --season (la graine est celle de la saison)"
        ),
        (["bench", "--replan", "tours/guinguette-2027", "--time-limit", "3"], "--time-limit ne s'applique pas à --replan"),
        (["bench", "--replan", "--season", "tours/guinguette-2027"], "--season et --replan s'excluent"),
    ])
    func usageErrorsExit64(arguments: [String], message: String) {
        let run = TourneeRun(arguments)
        #expect(run.status == .usage)
        #expect(run.err == "tournee: bench : \(message)\nUsage : voir tournee bench --help\n")
        #expect(run.out.isEmpty)
    }

    @Test func aBrokenInstanceExits65NamingFileAndLineBeforeAnySolve() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-bench")
        defer { directory.remove() }
        let folder = directory.url
        // The Solomon files end their lines with CRLF, a single Character in Swift: split on scalars.
        var lines = try BenchmarkData.text("solomon/C101.txt").unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String(String.UnicodeScalarView($0)) }
        lines[11] = "    3      55         4x5         13        527        584         10"
        try lines.joined(separator: "\n").write(to: folder.appendingPathComponent("broken.txt"), atomically: true, encoding: .utf8)
        try BenchmarkData.text("tsplib/kroA100.tsp").write(to: folder.appendingPathComponent("good.tsp"), atomically: true, encoding: .utf8)
        let run = TourneeRun(["bench", "good.tsp", "broken.txt", "missing.vrp"], in: folder)
        #expect(run.status == .dataError)
        #expect(
            run.err
                == "tournee: broken.txt:12: nombre attendu pour la coordonnée y, trouvé « 4x5 »\ntournee: missing.vrp : fichier absent\n"
        )
        #expect(run.out.isEmpty)
    }

    @Test func hugeSizesReversedWindowsAndInvalidUTF8Exit65WithFrenchMessagesNamingTheLine() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-bench")
        defer { directory.remove() }
        let folder = directory.url
        // Used to abort with SIGABRT ("failed to allocate 8000000000032 bytes").
        try "NAME : huge\nTYPE : TSP\nDIMENSION : 1000000000000\nEDGE_WEIGHT_TYPE : EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 3 4\nEOF\n"
            .write(to: folder.appendingPathComponent("huge.tsp"), atomically: true, encoding: .utf8)
        // Used to print the solver's `jobWindows(job: 0)`.
        try [
            "W", "VEHICLE", "NUMBER CAPACITY", "2 50", "CUSTOMER", "CUST NO. XCOORD. YCOORD. DEMAND READY DUE SERVICE",
            "0 40 50 0 0 1236 0", "1 45 68 10 912 900 90", "2 42 66 30 65 146 90",
        ].joined(separator: "\n")
            .write(to: folder.appendingPathComponent("window.txt"), atomically: true, encoding: .utf8)
        try Data("NAME : b\nTYPE : TSP\u{1}".utf8 + [0xFF, 0xFE] + Data("\n".utf8))
            .write(to: folder.appendingPathComponent("binary.vrp"))
        let run = TourneeRun(["bench", "huge.tsp", "window.txt", "binary.vrp"], in: folder)
        #expect(run.status == .dataError)
        #expect(
            run.err == """
                tournee: huge.tsp:3: DIMENSION vaut 1000000000000, attendu un entier entre 2 et 10 000
                tournee: window.txt:8: client 1 : fenêtre horaire qui se ferme (900) avant de s'ouvrir (912), \
                attendu une ouverture inférieure ou égale à la fermeture
                tournee: binary.vrp:2 : pas en UTF-8 : octet 0xFF invalide (enregistrez le fichier en UTF-8, pas en Latin-1 ou Windows-1252)

                """)
        #expect(run.out.isEmpty)
    }

    @Test func aRoutesFolderThatCannotBeMadeExits73BeforeAnySolve() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-bench")
        defer { directory.remove() }
        let folder = directory.url
        try "".write(to: folder.appendingPathComponent("taken"), atomically: true, encoding: .utf8)
        let run = TourneeRun(
            ["bench", BenchmarkData.folder.appendingPathComponent("tsplib/eil51.tsp").path, "--routes", "taken/out"],
            in: folder)
        #expect(run.status == .cannotCreate)
        // The reason used to be Foundation's English (« The operation could not be completed »).
        #expect(run.err == "tournee: taken/out : dossier impossible à créer (un élément du chemin n'est pas un dossier)\n")
        #expect(run.out.isEmpty)
    }

    @Test func aMissingFileExits66AndABrokenBKSTableExits65() throws {
        let missing = TourneeRun(["bench", "nowhere/a280.tsp"])
        #expect(missing.status == .noInput)
        #expect(missing.err == "tournee: nowhere/a280.tsp : fichier absent\n")
        let directory = try TemporaryDirectory(prefix: "tournee-bench")
        defer { directory.remove() }
        let folder = directory.url
        try "instance,file\nkroA100,tsplib/kroA100.tsp\n".write(
            to: folder.appendingPathComponent("bks.csv"), atomically: true, encoding: .utf8)
        let broken = TourneeRun(
            ["bench", BenchmarkData.folder.appendingPathComponent("tsplib/kroA100.tsp").path, "--bks", "bks.csv"], in: folder)
        #expect(broken.status == .dataError)
        #expect(broken.err == "tournee: bks.csv:1: colonne problem absente de l'en-tête\n")
    }
}
