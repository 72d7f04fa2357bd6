import Testing

@testable import Routing

/// Broken TSPLIB/VRPLIB snippets: each error names the file, the line and what was expected.
struct TSPLIBReaderErrorTests {
    private let header = "NAME : bad\nTYPE : TSP\nDIMENSION : 4\nEDGE_WEIGHT_TYPE : EUC_2D\n"

    private func error(_ text: String) -> BenchmarkFormatError? {
        caughtFormatError { () throws(BenchmarkFormatError) in
            try TSPLIBReader.parse(text, fileName: "bad.tsp")
        }
    }

    @Test func unknownEdgeWeightTypeNamesFileLineAndChoices() {
        let failure = error("NAME : bad\nTYPE : TSP\nDIMENSION : 4\nEDGE_WEIGHT_TYPE : EUC_3D\nNODE_COORD_SECTION\n1 0 0 0\n")
        #expect(
            failure?.description
                == "bad.tsp:4: EDGE_WEIGHT_TYPE « EUC_3D » non pris en charge, attendu : EUC_2D, CEIL_2D, ATT, GEO, EXPLICIT")
    }

    @Test func missingDimension() {
        let failure = error("NAME : bad\nTYPE : TSP\nEDGE_WEIGHT_TYPE : EUC_2D\nNODE_COORD_SECTION\n1 0 0\n")
        #expect(failure?.description == "bad.tsp: mot-clé DIMENSION absent")
        #expect(failure?.line == nil)
    }

    @Test func nonIntegerDimension() {
        let failure = error("NAME : bad\nTYPE : TSP\nDIMENSION : four\nEDGE_WEIGHT_TYPE : EUC_2D\n")
        #expect(
            failure
                == BenchmarkFormatError(
                    fileName: "bad.tsp", line: 3, reason: .notANumber(field: "DIMENSION", text: "four")))
    }

    @Test func truncatedNodeCoordSectionPointsAtItsLastLine() {
        let failure = error(header + "NODE_COORD_SECTION\n1 0 0\n2 3 4\n3 6 8\nEOF\n")
        #expect(
            failure
                == BenchmarkFormatError(
                    fileName: "bad.tsp", line: 8, reason: .truncatedSection("NODE_COORD_SECTION", expected: 4, found: 3)))
        #expect(failure?.description == "bad.tsp:8: NODE_COORD_SECTION incomplète : 4 entrées attendues, 3 trouvées")
    }

    @Test func nonNumericCoordinate() {
        let failure = error(header + "NODE_COORD_SECTION\n1 0 0\n2 12.5 abc\n3 6 8\n4 1 1\n")
        #expect(
            failure
                == BenchmarkFormatError(
                    fileName: "bad.tsp", line: 7, reason: .notANumber(field: "y dans NODE_COORD_SECTION", text: "abc")))
        #expect(failure?.description == "bad.tsp:7: nombre attendu pour y dans NODE_COORD_SECTION, trouvé « abc »")
    }

    @Test func coordinateRowWithTooFewFields() {
        let failure = error(header + "NODE_COORD_SECTION\n1 0 0\n2 3\n")
        #expect(failure?.line == 7)
        #expect(failure?.reason == .wrongFieldCount(context: "NODE_COORD_SECTION (numéro x y)", expected: 3, found: 2))
    }

    @Test func repeatedOrOutOfRangeNodeIds() {
        let repeated = error(header + "NODE_COORD_SECTION\n1 0 0\n1 3 4\n3 6 8\n4 1 1\n")
        #expect(repeated?.line == 7)
        #expect(repeated?.reason == .badNodeNumber(context: "NODE_COORD_SECTION", number: 1, validRange: 1...4))
        let outside = error(header + "NODE_COORD_SECTION\n1 0 0\n2 3 4\n3 6 8\n5 1 1\n")
        #expect(outside?.line == 9)
    }

    @Test func dataOutsideAnySection() {
        let failure = error(header + "1 0 0\n")
        #expect(failure?.line == 5)
        #expect(failure?.reason == .unexpectedLine(expected: "une ligne « MOT-CLÉ : valeur » ou un en-tête *_SECTION", found: "1 0 0"))
    }

    @Test func unsupportedTypeAndEmptyText() {
        #expect(
            error("NAME : x\nTYPE : ATSP\nDIMENSION : 3\n")?.reason
                == .unsupportedValue(keyword: "TYPE", value: "ATSP", expected: ["TSP", "CVRP", "VRPTW"]))
        #expect(error("\n  \n")?.reason == .empty)
    }

    @Test func explicitMatrixErrors() {
        let explicitHeader = "NAME : e\nTYPE : TSP\nDIMENSION : 4\nEDGE_WEIGHT_TYPE : EXPLICIT\n"
        #expect(error(explicitHeader + "EDGE_WEIGHT_SECTION\n1 2 3 4 5 6\n")?.reason == .missingKeyword("EDGE_WEIGHT_FORMAT"))
        #expect(
            error(explicitHeader + "EDGE_WEIGHT_FORMAT : UPPER_COL\nEDGE_WEIGHT_SECTION\n1 2 3 4 5 6\n")?.reason
                == .unsupportedValue(
                    keyword: "EDGE_WEIGHT_FORMAT", value: "UPPER_COL",
                    expected: ["FULL_MATRIX", "UPPER_ROW", "LOWER_ROW", "UPPER_DIAG_ROW", "LOWER_DIAG_ROW"]))
        let short = error(explicitHeader + "EDGE_WEIGHT_FORMAT : UPPER_ROW\nEDGE_WEIGHT_SECTION\n1 2 3\n4 5\nEOF\n")
        #expect(
            short
                == BenchmarkFormatError(
                    fileName: "bad.tsp", line: 8, reason: .truncatedSection("EDGE_WEIGHT_SECTION", expected: 6, found: 5)))
        let long = error(explicitHeader + "EDGE_WEIGHT_FORMAT : UPPER_ROW\nEDGE_WEIGHT_SECTION\n1 2 3\n4 5 6\n7\n")
        #expect(long?.line == 9)
        #expect(error(explicitHeader + "EDGE_WEIGHT_FORMAT : UPPER_ROW\n")?.reason == .missingSection("EDGE_WEIGHT_SECTION"))
    }

    @Test func vrplibErrors() {
        let cvrp =
            "NAME : v\nTYPE : CVRP\nDIMENSION : 3\nEDGE_WEIGHT_TYPE : EUC_2D\nCAPACITY : 10\n"
            + "NODE_COORD_SECTION\n1 0 0\n2 3 4\n3 6 8\n"
        #expect(error(cvrp + "DEPOT_SECTION\n1\n-1\n")?.reason == .missingSection("DEMAND_SECTION"))
        for demand in ["x", "1.5"] {
            #expect(
                error(cvrp + "DEMAND_SECTION\n1 0\n2 \(demand)\n3 1\nDEPOT_SECTION\n1\n-1\n")
                    == BenchmarkFormatError(
                        fileName: "bad.tsp", line: 12,
                        reason: .notANumber(field: "demande (entier) dans DEMAND_SECTION", text: demand)))
        }
        let twoDepots = error(cvrp + "DEMAND_SECTION\n1 0\n2 1\n3 1\nDEPOT_SECTION\n1\n2\n-1\n")
        #expect(
            twoDepots?.reason
                == .unsupportedValue(
                    keyword: "DEPOT_SECTION", value: "2 dépôts", expected: ["un seul dépôt"]))
        #expect(twoDepots?.line == 14)
        let vrptw = cvrp.replacingOccurrences(of: "CVRP", with: "VRPTW") + "DEMAND_SECTION\n1 0\n2 1\n3 1\nDEPOT_SECTION\n1\n-1\n"
        #expect(error(vrptw)?.reason == .missingSection("TIME_WINDOW_SECTION"))
    }
}
