import Foundation
import TestSupport
import Testing

@testable import Routing

struct TSPLIBReaderTests {
    /// A TSP tour given as city ids 1…n, turned into the single route (node indices, depot 0 left out) it stands for.
    private func route(ofTour tour: [Int]) -> [[Int]] {
        #expect(tour.first == 1)
        return [tour.dropFirst().map { $0 - 1 }]
    }

    @Test func att48OptimalTourHasThePublishedLength() throws {
        let instance = try TSPLIBReader.parse(TSPLIBFixtures.att48, fileName: "att48.tsp")
        #expect(instance.name == "att48")
        #expect(instance.kind == .tsp)
        #expect(instance.convention == .att)
        #expect(instance.nodeCount == 48)
        #expect(instance.coordinates[1] == BenchmarkInstance.Point(x: 2233, y: 10))
        #expect(Set(TSPLIBFixtures.att48OptimalTour) == Set(1...48))
        #expect(instance.distance(ofRoutes: route(ofTour: TSPLIBFixtures.att48OptimalTour)) == 10628)
    }

    @Test func ulysses16OptimalTourHasThePublishedLength() throws {
        let instance = try TSPLIBReader.parse(TSPLIBFixtures.ulysses16, fileName: "ulysses16.tsp")
        #expect(instance.convention == .geo)
        #expect(instance.nodeCount == 16)
        #expect(instance.coordinates[10] == BenchmarkInstance.Point(x: 36.08, y: -5.21))
        #expect(Set(TSPLIBFixtures.ulysses16OptimalTour) == Set(1...16))
        #expect(instance.distance(ofRoutes: route(ofTour: TSPLIBFixtures.ulysses16OptimalTour)) == 6859)
    }

    @Test func everyShippedTSPLIBFileParses() throws {
        let files = try BenchmarkData.files(in: "tsplib", extension: "tsp")
        #expect(files.count == 15)
        for file in files {
            let instance = try BenchmarkData.instance(file)
            let stem = (file as NSString).lastPathComponent.replacingOccurrences(of: ".tsp", with: "")
            #expect(instance.name == stem)
            #expect(instance.kind == .tsp)
            #expect(instance.convention == .roundedEuclidean)
            #expect(instance.coordinates.count == instance.nodeCount)
            #expect(instance.depotIndex == 0)
        }
        let pr1002 = try BenchmarkData.instance("tsplib/pr1002.tsp")
        #expect(pr1002.nodeCount == 1002)
        #expect(pr1002.coordinates.last == BenchmarkInstance.Point(x: 14550, y: 11650))
        let pcb442 = try BenchmarkData.instance("tsplib/pcb442.tsp")
        #expect(pcb442.coordinates[0] == BenchmarkInstance.Point(x: 200, y: 400))
    }

    /// The identity tour 1, 2, …, n of every shipped TSP and of both fixtures, measured by tsplib95 (an independent
    /// TSPLIB95 implementation in Python) from the same text, must equal what the Swift reader computes.
    @Test func identityTourLengthsMatchTsplib95() throws {
        var swiftLengths: [Double] = []
        var texts: [(name: String, text: String)] = [
            ("att48.tsp", TSPLIBFixtures.att48), ("ulysses16.tsp", TSPLIBFixtures.ulysses16),
        ]
        for file in try BenchmarkData.files(in: "tsplib", extension: "tsp") {
            texts.append(((file as NSString).lastPathComponent, try BenchmarkData.text(file)))
        }
        for (name, text) in texts {
            let instance = try TSPLIBReader.parse(text, fileName: name)
            swiftLengths.append(instance.distance(ofRoutes: [Array(1..<instance.nodeCount)]))
        }
        let script = """
            import sys, tsplib95
            for path in sys.argv[1:]:
                problem = tsplib95.load(path)
                print(problem.trace_tours([list(problem.get_nodes())])[0])
            """
        let pythonLengths = try runTsplib95(script, on: texts).split(separator: "\n").map { Double($0) }
        #expect(pythonLengths == swiftLengths.map { Optional($0) })
    }

    // MARK: EXPLICIT matrices

    /// The first 9 cities of eil51 under `edgeWeightType`.
    private func smallCoordinateText(edgeWeightType: String) -> String {
        var lines = ["NAME : eil9", "TYPE : TSP", "DIMENSION : 9", "EDGE_WEIGHT_TYPE : \(edgeWeightType)", "NODE_COORD_SECTION"]
        lines += ["1 37 52", "2 49 49", "3 52 64", "4 20 26", "5 40 30", "6 21 47", "7 17 63", "8 31 62", "9 52 33", "EOF"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The EUC_2D instance whose rounded matrix is written in each EXPLICIT layout.
    private func smallCoordinateInstance() throws -> BenchmarkInstance {
        try TSPLIBReader.parse(smallCoordinateText(edgeWeightType: "EUC_2D"), fileName: "eil9.tsp")
    }

    /// An EXPLICIT file of `instance`'s matrix in `layout`, seven values a line so rows and lines do not coincide.
    private func explicitText(of instance: BenchmarkInstance, layout: String) -> String {
        let n = instance.nodeCount
        var values: [Int] = []
        for i in 0..<n {
            let columns: [Int]
            switch layout {
            case "FULL_MATRIX": columns = Array(0..<n)
            case "UPPER_ROW": columns = Array((i + 1)..<n)
            case "LOWER_ROW": columns = Array(0..<i)
            case "UPPER_DIAG_ROW": columns = Array(i..<n)
            default: columns = Array(0...i)
            }
            values += columns.map { Int(instance.distance(from: i, to: $0)) }
        }
        var lines = [
            "NAME : explicit9", "TYPE : TSP", "DIMENSION : \(n)", "EDGE_WEIGHT_TYPE : EXPLICIT",
            "EDGE_WEIGHT_FORMAT : \(layout)", "EDGE_WEIGHT_SECTION",
        ]
        for start in stride(from: 0, to: values.count, by: 7) {
            lines.append(values[start..<min(start + 7, values.count)].map(String.init).joined(separator: " "))
        }
        lines.append("EOF")
        return lines.joined(separator: "\n") + "\n"
    }

    private let layouts = ["FULL_MATRIX", "UPPER_ROW", "LOWER_ROW", "UPPER_DIAG_ROW", "LOWER_DIAG_ROW"]

    @Test func everyExplicitLayoutRebuildsTheSameMatrix() throws {
        let source = try smallCoordinateInstance()
        let expected = source.distanceMatrix()
        for layout in layouts {
            let instance = try TSPLIBReader.parse(explicitText(of: source, layout: layout), fileName: "x.tsp")
            #expect(instance.convention == .explicit, "\(layout)")
            #expect(instance.coordinates.isEmpty)
            #expect(instance.distanceMatrix() == expected, "\(layout)")
            #expect(instance.distance(from: 2, to: 7) == source.distance(from: 2, to: 7))
        }
    }

    /// Compares a matrix printed by Python (one line, row-major) with the Swift one, reporting the first difference.
    private func expectSameMatrix(python row: Substring, swift matrix: [Double], label: String) {
        let values = row.split(separator: " ").map { Double($0) }
        #expect(values.count == matrix.count, "\(label)")
        let n = Int(Double(matrix.count).squareRoot())
        if let index = matrix.indices.first(where: { $0 >= values.count || values[$0] != matrix[$0] }) {
            let pythonValue = index < values.count ? (values[index].map { "\($0)" } ?? "unreadable") : "nothing"
            Issue.record("\(label): node \(index / n) → \(index % n): tsplib95 \(pythonValue), Swift \(matrix[index])")
        }
    }

    /// The weights tsplib95 reads from each file, one line of `n × n` numbers per file, in order.
    private func tsplib95Matrices(_ files: [(name: String, text: String)]) throws -> [Substring] {
        let script = """
            import sys, tsplib95
            for path in sys.argv[1:]:
                problem = tsplib95.load(path)
                nodes = list(problem.get_nodes())
                print(" ".join(str(problem.get_weight(a, b) if a != b else 0) for a in nodes for b in nodes))
            """
        let rows = try runTsplib95(script, on: files).split(separator: "\n")
        try #require(rows.count == files.count)
        return rows
    }

    /// Runs a tsplib95 script on the files, written to a temporary folder it removes afterwards,
    /// and returns what the script prints.
    private func runTsplib95(_ script: String, on files: [(name: String, text: String)]) throws -> String {
        let directory = try TemporaryDirectory(prefix: "tournee-formats")
        defer { directory.remove() }
        let paths = try files.map { try directory.write($0.text, to: $0.name) }
        return try PythonPeer.run(code: script, paths)
    }

    @Test func explicitMatricesMatchTsplib95() throws {
        let source = try smallCoordinateInstance()
        let rows = try tsplib95Matrices(layouts.map { (name: "\($0).tsp", text: explicitText(of: source, layout: $0)) })
        for (layout, row) in zip(layouts, rows) {
            let instance = try TSPLIBReader.parse(explicitText(of: source, layout: layout), fileName: "x.tsp")
            expectSameMatrix(python: row, swift: instance.distanceMatrix(), label: layout)
        }
    }

    @Test func attGeoAndCeilMatricesMatchTsplib95() throws {
        let fixtures = [
            ("att48.tsp", TSPLIBFixtures.att48), ("ulysses16.tsp", TSPLIBFixtures.ulysses16),
            ("ceil9.tsp", smallCoordinateText(edgeWeightType: "CEIL_2D")),
        ]
        let rows = try tsplib95Matrices(fixtures.map { (name: $0.0, text: $0.1) })
        for ((name, text), row) in zip(fixtures, rows) {
            expectSameMatrix(python: row, swift: try TSPLIBReader.parse(text, fileName: name).distanceMatrix(), label: name)
        }
    }

    @Test func vrplibVRPTWWithDepotElsewhereAndScalarServiceTime() throws {
        let text = """
            NAME : tiny
            TYPE : VRPTW
            DIMENSION : 3
            VEHICLES : 2
            CAPACITY : 10
            SERVICE_TIME : 5
            EDGE_WEIGHT_TYPE : EUC_2D
            NODE_COORD_SECTION
            1 1 1
            2 0 0
            3 2 2
            DEMAND_SECTION
            1 4
            2 0
            3 6
            TIME_WINDOW_SECTION
            1 0 50
            2 0 100
            3 10 20
            DEPOT_SECTION
            2
            -1
            EOF
            """
        let instance = try TSPLIBReader.parse(text, fileName: "tiny.vrp")
        #expect(instance.kind == .vrptw)
        #expect(instance.convention == .truncatedEuclidean)
        #expect(instance.depotIndex == 1)
        #expect(instance.vehicleLimit == 2)
        #expect(instance.capacity == 10)
        #expect(instance.demands == [4, 0, 6])
        #expect(instance.serviceTimes == [5, 0, 5])
        #expect(instance.timeWindows[2] == BenchmarkInstance.TimeWindow(earliest: 10, latest: 20))
        // Depot (node 1) → node 0 → node 2 → depot: 1.4 + 1.4 + 2.8 under one-decimal truncation.
        #expect(abs(instance.distance(ofRoutes: [[0, 2]]) - 5.6) < 1e-9)
    }
}
