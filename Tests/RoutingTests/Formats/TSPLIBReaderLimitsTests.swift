import Testing

@testable import Routing

/// Sizes and values a TSPLIB/VRPLIB file states are checked against `BenchmarkLimits` and against what the file holds.
struct TSPLIBReaderLimitsTests {
    private func error(_ text: String) -> BenchmarkFormatError? {
        caughtFormatError { () throws(BenchmarkFormatError) in
            try TSPLIBReader.parse(text, fileName: "big.tsp")
        }
    }

    private func tsp(dimension: String, nodes: String = "1 0 0\n2 3 4\n") -> String {
        "NAME : big\nTYPE : TSP\nDIMENSION : \(dimension)\nEDGE_WEIGHT_TYPE : EUC_2D\nNODE_COORD_SECTION\n\(nodes)EOF\n"
    }

    private let cvrp = "NAME : v\nTYPE : CVRP\nDIMENSION : 3\nEDGE_WEIGHT_TYPE : EUC_2D\n"
    private let nodes = "NODE_COORD_SECTION\n1 0 0\n2 3 4\n3 6 8\n"
    private let depot = "DEPOT_SECTION\n1\n-1\n"

    @Test func aDimensionOverTheLimitIsRefusedBeforeAnyAllocation() {
        // Used to abort: "failed to allocate 8000000000032 bytes".
        #expect(
            error(tsp(dimension: "1000000000000"))?.description
                == "big.tsp:3: DIMENSION vaut 1000000000000, attendu un entier entre 2 et 10 000")
        #expect(error(tsp(dimension: "100000000"))?.line == 3)
        #expect(
            error(tsp(dimension: "99999999999999999999"))?.reason
                == .notANumber(field: "DIMENSION", text: "99999999999999999999"))
        #expect(error(tsp(dimension: "-4"))?.line == 3)
    }

    @Test func aDimensionWithinTheLimitButOverTheNodesPresentIsTruncated() {
        #expect(
            error(tsp(dimension: "10000"))
                == BenchmarkFormatError(
                    fileName: "big.tsp", line: 7, reason: .truncatedSection("NODE_COORD_SECTION", expected: 10_000, found: 2)))
    }

    @Test func anExplicitMatrixIsCountedBeforeItIsReserved() {
        let text =
            "NAME : e\nTYPE : TSP\nDIMENSION : 10000\nEDGE_WEIGHT_TYPE : EXPLICIT\n"
            + "EDGE_WEIGHT_FORMAT : FULL_MATRIX\nEDGE_WEIGHT_SECTION\n0 1 2\n"
        #expect(
            error(text)
                == BenchmarkFormatError(
                    fileName: "big.tsp", line: 7, reason: .truncatedSection("EDGE_WEIGHT_SECTION", expected: 100_000_000, found: 3)))
        let negative =
            "NAME : e\nTYPE : TSP\nDIMENSION : 3\nEDGE_WEIGHT_TYPE : EXPLICIT\n"
            + "EDGE_WEIGHT_FORMAT : UPPER_ROW\nEDGE_WEIGHT_SECTION\n1 -2\n3\n"
        #expect(
            error(negative)?.description
                == "big.tsp:7: distance dans EDGE_WEIGHT_SECTION vaut -2, attendu un nombre positif ou nul")
    }

    @Test func coordinatesMustBeFiniteAndBounded() {
        #expect(
            error(tsp(dimension: "2", nodes: "1 0 0\n2 nan 4\n"))?.reason
                == .notANumber(field: "x dans NODE_COORD_SECTION", text: "nan"))
        #expect(
            error(tsp(dimension: "2", nodes: "1 0 0\n2 1e308 4\n"))?.description
                == "big.tsp:7: x dans NODE_COORD_SECTION vaut 1e308, attendu un nombre entre -1 000 000 000 et 1 000 000 000")
        #expect(error(tsp(dimension: "2", nodes: "1 0 0\n99999999999999999999 1 4\n"))?.line == 7)
    }

    @Test func aSectionOrKeywordGivenTwiceIsRefused() {
        #expect(
            error(tsp(dimension: "2", nodes: "1 0 0\n2 3 4\nNODE_COORD_SECTION\n1 5 5\n2 6 6\n"))?.description
                == "big.tsp:8: la section NODE_COORD_SECTION apparaît une deuxième fois (déjà ligne 5), attendu une seule fois")
        #expect(error("NAME : a\nDIMENSION : 2\nDIMENSION : 3\n")?.reason == .duplicate("le mot-clé DIMENSION", firstLine: 2))
    }

    @Test func capacityAndDemandsAreChecked() {
        let demands = "DEMAND_SECTION\n1 0\n2 4\n3 5\n"
        #expect(
            error(cvrp + "CAPACITY : -10\n" + nodes + demands + depot)?.description
                == "big.tsp:5: CAPACITY vaut -10, attendu un entier entre 1 et 1 000 000 000")
        #expect(
            error(cvrp + "CAPACITY : 10\n" + nodes + "DEMAND_SECTION\n1 0\n2 -4\n3 5\n" + depot)?.description
                == "big.tsp:12: la demande dans DEMAND_SECTION vaut -4, attendu un entier entre 0 et 10 (CAPACITY)")
        #expect(error(cvrp + "CAPACITY : 10\n" + nodes + "DEMAND_SECTION\n1 0\n2 4\n3 9223372036854775807\n" + depot)?.line == 13)
        #expect(error(cvrp + "CAPACITY : 10\nVEHICLES : 1000000000000\n" + nodes + demands + depot)?.line == 6)
    }

    @Test func aReversedTimeWindowNamesItsNodeAndLine() {
        let vrptw =
            cvrp.replacingOccurrences(of: "CVRP", with: "VRPTW") + "CAPACITY : 10\n" + nodes
            + "DEMAND_SECTION\n1 0\n2 4\n3 5\n" + depot
        let failure = error(vrptw + "TIME_WINDOW_SECTION\n1 0 100\n2 50 20\n3 0 100\n")
        #expect(
            failure?.description == "big.tsp:19: nœud 2 de TIME_WINDOW_SECTION : fenêtre horaire qui se ferme (20) "
                + "avant de s'ouvrir (50), attendu une ouverture inférieure ou égale à la fermeture")
        let windows = "TIME_WINDOW_SECTION\n1 0 100\n2 0 20\n3 0 100\n"
        #expect(error(vrptw + windows + "SERVICE_TIME : -5\n")?.line == 21)
        #expect(error(vrptw + windows + "SERVICE_TIME_SECTION\n1 0\n2 -1\n3 1\n")?.line == 23)
    }
}
