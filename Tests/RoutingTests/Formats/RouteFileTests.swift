import TestSupport
import Testing

@testable import Routing

struct RouteFileTests {
    private func error(_ text: String) -> BenchmarkFormatError? {
        caughtFormatError { () throws(BenchmarkFormatError) in
            try RouteFile.parse(text, fileName: "bad.sol")
        }
    }

    @Test func readsVRPLIBSolutions() throws {
        let file = try RouteFile.parse("Route #1: 31 46 35\nRoute #2: 15 22 41 20\nCost 27591\n", fileName: "x.sol")
        #expect(file.routes == [[31, 46, 35], [15, 22, 41, 20]])
        #expect(file.routeLines == [1, 2])
        #expect(file.cost == 27591)
        let tour = try RouteFile.parse("Route #1: 1 4 2 3\nCost: 259045\nOptimal: True", fileName: "t.sol")
        #expect(tour.cost == 259_045 && tour.routes == [[1, 4, 2, 3]])
    }

    @Test func readsSINTEFRouteFilesWithTheirHeader() throws {
        let text =
            "Instance name:\tR1_2_1\r\nAuthors:\t\tMirosław Błocho\r\nSolution\r\n"
            + "Route 1 :  87 145 35 \r\nRoute  2 : 46 184\r\n"
        let file = try RouteFile.parse(text, fileName: "r.txt")
        #expect(file.routes == [[87, 145, 35], [46, 184]])
        #expect(file.routeLines == [4, 5])
        #expect(file.cost == nil)
    }

    @Test func malformedLines() {
        #expect(
            error("Route #1 12 5\n")?.reason
                == .unexpectedLine(
                    expected: "« Route #k: client client … »", found: "Route #1 12 5"))
        #expect(error("Route #x: 12 5\n")?.line == 1)
        #expect(error("Route #1: 12 five\n")?.description == "bad.sol:1: nombre attendu pour le numéro de client, trouvé « five »")
        #expect(error("Route #1: 12 -5\n")?.reason == .notANumber(field: "le numéro de client", text: "-5"))
        #expect(error("Route #1: 1\nCost abc\n")?.reason == .notANumber(field: "le coût", text: "abc"))
        #expect(error("Cost 12\n")?.reason == .missingKeyword("Route"))
    }

    @Test func customersOutsideTheInstanceAreRejected() throws {
        let instance = try SolomonReader.parse(
            "T\nVEHICLE\nNUMBER CAPACITY\n1 10\nCUSTOMER\nCUST NO. XCOORD. YCOORD. DEMAND\n"
                + "0 0 0 0 0 100 0\n1 3 4 1 0 100 0\n2 6 8 1 0 100 0\n", fileName: "t.txt")
        let file = try RouteFile.parse("Route #1: 1 2\nRoute #2: 3\n", fileName: "t.sol")
        let failure = caughtFormatError { () throws(BenchmarkFormatError) in
            try file.nodeRoutes(in: instance, fileName: "t.sol")
        }
        #expect(
            failure
                == BenchmarkFormatError(
                    fileName: "t.sol", line: 2,
                    reason: .badNodeNumber(
                        context: "une route de T", number: 3, validRange: 1...2)))
        let depotListed = try RouteFile.parse("Route #1: 0 1 2\n", fileName: "t.sol")
        #expect(
            caughtFormatError { () throws(BenchmarkFormatError) in
                try depotListed.nodeRoutes(in: instance, fileName: "t.sol")
            }?.line == 1)
    }

    @Test func writesTheAnchorFormatAndReadsItBack() throws {
        let instance = try BenchmarkData.instance("solomon/C101.txt")
        let routes = [[5, 3, 7], [], [1, 2]]
        let text = RouteFile.format(routes: routes, of: instance, cost: instance.distance(ofRoutes: routes))
        let cost = instance.convention.reportedCost(instance.distance(ofRoutes: routes))
        #expect(text.hasPrefix("Route #1: 5 3 7\nRoute #2: 1 2\nCost "))
        let reread = try RouteFile.parse(text, fileName: "C101.sol")
        #expect(try reread.nodeRoutes(in: instance, fileName: "C101.sol") == [[5, 3, 7], [1, 2]])
        #expect(reread.cost == cost)
        #expect(RouteFile.format(routes: [[2]], of: instance, cost: nil) == "Route #1: 2\n")
    }

    @Test func writesIntegralCostsWithoutDecimals() throws {
        let instance = try BenchmarkData.instance("cvrplib-x/X-n101-k25.vrp")
        #expect(
            RouteFile.format(routes: [[31, 46, 35]], of: instance, cost: 1234.0000001)
                == "Route #1: 31 46 35\nCost 1234\n")
    }

    @Test func renumbersWhenTheDepotIsNotTheFirstNode() throws {
        // Depot = node 2 (id 3): route files number it 0 and shift the nodes before it up by one.
        let text =
            "NAME : d\nTYPE : CVRP\nDIMENSION : 4\nEDGE_WEIGHT_TYPE : EUC_2D\nCAPACITY : 9\n"
            + "NODE_COORD_SECTION\n1 0 0\n2 1 0\n3 2 0\n4 3 0\nDEMAND_SECTION\n1 1\n2 1\n3 0\n4 1\n"
            + "DEPOT_SECTION\n3\n-1\nEOF\n"
        let instance = try TSPLIBReader.parse(text, fileName: "d.vrp")
        #expect(instance.depotIndex == 2)
        #expect((0..<4).map(instance.routeFileNumber(ofNode:)) == [1, 2, 0, 3])
        #expect((0..<4).map(instance.node(forRouteFileNumber:)) == [2, 0, 1, 3])
        #expect(instance.node(forRouteFileNumber: 4) == nil)
        let written = RouteFile.format(routes: [[0, 3, 1]], of: instance, cost: nil)
        #expect(written == "Route #1: 1 3 2\n")
        #expect(try RouteFile.parse(written, fileName: "d.sol").nodeRoutes(in: instance, fileName: "d.sol") == [[0, 3, 1]])
    }
}
