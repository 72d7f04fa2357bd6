import Foundation
import TestSupport
import Testing

@testable import Routing

struct BenchmarkEvaluationTests {
    /// Routes of a published best-known file, as node indices.
    private func publishedRoutes(_ solution: String, of instance: BenchmarkInstance) throws -> [[Int]] {
        try RouteFile.parse(BenchmarkData.text(solution), fileName: solution).nodeRoutes(in: instance, fileName: solution)
    }

    @Test(arguments: [
        ("cvrplib-x/X-n101-k25.vrp", "cvrplib-x/X-n101-k25.sol", 26, 27591.0),
        ("homberger/c1_2_1.txt", "homberger/bks/c1_2_1.20_2704.5678.txt", 20, 2704.57),
        ("homberger-1000-vrplib/R2_10_1.vrp", "homberger-1000-vrplib/R2_10_1.sol", 37, 36881.0),
    ])
    func publishedSolutionsAreFeasibleAtTheirPublishedCost(file: String, solution: String, vehicles: Int, cost: Double) throws {
        let instance = try BenchmarkData.instance(file)
        let evaluation = BenchmarkEvaluation(routes: try publishedRoutes(solution, of: instance), of: instance)
        #expect(evaluation.problems == [])
        #expect(evaluation.vehicles == vehicles)
        #expect(instance.convention.reportedCost(evaluation.distance) == cost)
    }

    @Test func aMissingOrRepeatedCustomerIsReported() throws {
        let instance = try BenchmarkData.instance("cvrplib-x/X-n101-k25.vrp")
        var routes = try publishedRoutes("cvrplib-x/X-n101-k25.sol", of: instance)
        let moved = routes[0].removeFirst()
        routes[1].append(routes[1][0])
        let evaluation = BenchmarkEvaluation(routes: routes, of: instance)
        #expect(evaluation.problems.contains("nœud \(moved) non servi"))
        #expect(evaluation.problems.contains("nœud \(routes[1][0]) servi 2 fois"))
    }

    @Test func overloadLateServiceAndFleetAreReported() throws {
        let instance = try BenchmarkData.instance("homberger/c1_2_1.txt")
        let routes = try publishedRoutes("homberger/bks/c1_2_1.20_2704.5678.txt", of: instance)
        // Two routes merged: the same customers, too much load and the second half served late.
        let merged = [routes[0] + routes[1]] + routes.dropFirst(2)
        let evaluation = BenchmarkEvaluation(routes: merged, of: instance)
        #expect(evaluation.problems.contains { $0.hasPrefix("tournée 1 : charge") })
        #expect(evaluation.problems.contains { $0.hasPrefix("tournée 1 : service au nœud") })
        // Each customer alone on its route: all served in time, but more routes than the fleet.
        let single = BenchmarkEvaluation(routes: (1..<instance.nodeCount).map { [$0] }, of: instance)
        #expect(single.problems == ["\(instance.nodeCount - 1) tournées pour une flotte de \(instance.vehicleLimit!)"])
    }

    @Test func aTSPTourIsOneRoute() throws {
        let instance = try BenchmarkData.instance("tsplib/pr1002.tsp")
        let routes = try publishedRoutes("tsplib/pr1002.sol", of: instance)
        let evaluation = BenchmarkEvaluation(routes: routes, of: instance)
        #expect(evaluation.problems == [])
        #expect(evaluation.distance == 259045)
        let split = BenchmarkEvaluation(routes: [Array(routes[0].prefix(10)), Array(routes[0].dropFirst(10))], of: instance)
        #expect(split.problems == ["2 tournées pour une flotte de 1"])
    }
}
