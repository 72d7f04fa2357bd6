import Foundation
import TestSupport
import Testing

@testable import Routing

/// Every shipped instance parses, and every shipped best-known route set re-evaluates, under the instance's
/// convention, to exactly the published cost of `bks.csv`: this is what proves the distance conventions.
struct ShippedBenchmarksTests {
    private func bksTable() throws -> BKSTable {
        try BKSTable.parse(BenchmarkData.text("bks.csv"), fileName: "bks.csv")
    }

    /// Problems of a route set: customers missed or repeated, capacity exceeded, service started after a due date.
    /// Travel time equals distance and waiting is allowed (Solomon 1987); O(n).
    private func violations(of routes: [[Int]], in instance: BenchmarkInstance) -> [String] {
        var problems: [String] = []
        var visits = [Int](repeating: 0, count: instance.nodeCount)
        for route in routes {
            for visit in route { visits[visit] += 1 }
            if let capacity = instance.capacity {
                let load = route.reduce(0) { $0 + instance.demands[$1] }
                if load > capacity { problems.append("load \(load) > \(capacity)") }
            }
            guard !instance.timeWindows.isEmpty else { continue }
            let depot = instance.depotIndex
            var time = instance.timeWindows[depot].earliest
            var previous = depot
            for node in route + [depot] {
                time += instance.serviceTimes[previous] + instance.distance(from: previous, to: node)
                if node != depot { time = max(time, instance.timeWindows[node].earliest) }
                if time > instance.timeWindows[node].latest + 1e-6 { problems.append("late at \(node)") }
                previous = node
            }
        }
        for node in 0..<instance.nodeCount where node != instance.depotIndex && visits[node] != 1 {
            problems.append("node \(node) visited \(visits[node]) times")
        }
        return problems
    }

    @Test func everyInstanceInTheBenchFolderParses() throws {
        let folders = [
            ("tsplib", "tsp", 15), ("solomon", "txt", 56), ("homberger", "txt", 18),
            ("homberger-1000-vrplib", "vrp", 6), ("cvrplib-x", "vrp", 100),
        ]
        for (folder, fileExtension, count) in folders {
            let files = try BenchmarkData.files(in: folder, extension: fileExtension)
            #expect(files.count == count, "\(folder)")
            for file in files {
                let instance = try BenchmarkData.instance(file)
                let n = instance.nodeCount
                #expect(instance.coordinates.count == n, "\(file)")
                if instance.kind != .tsp {
                    #expect(instance.demands.count == n && instance.demands[instance.depotIndex] == 0, "\(file)")
                    #expect((instance.capacity ?? 0) > 0, "\(file)")
                }
                if instance.kind == .vrptw {
                    #expect(instance.timeWindows.count == n && instance.serviceTimes.count == n, "\(file)")
                    #expect(instance.serviceTimes[instance.depotIndex] == 0, "\(file)")
                    #expect(instance.timeWindows.allSatisfy { $0.earliest <= $0.latest }, "\(file)")
                }
            }
        }
    }

    @Test func solomonC101ReadsTheValuesOfItsFile() throws {
        let instance = try BenchmarkData.instance("solomon/C101.txt")
        #expect(instance.name == "C101")
        #expect(instance.kind == .vrptw && instance.convention == .realEuclidean)
        #expect(instance.nodeCount == 101 && instance.vehicleLimit == 25 && instance.capacity == 200)
        #expect(instance.timeWindows[0] == BenchmarkInstance.TimeWindow(earliest: 0, latest: 1236))
        // "    1      45         68         10        912        967         90"
        #expect(instance.coordinates[1] == BenchmarkInstance.Point(x: 45, y: 68))
        #expect(instance.demands[1] == 10 && instance.serviceTimes[1] == 90)
        #expect(instance.timeWindows[1] == BenchmarkInstance.TimeWindow(earliest: 912, latest: 967))
        #expect(instance.distance(from: 0, to: 1) == (25.0 + 324).squareRoot())
        let large = try BenchmarkData.instance("homberger/rc2_10_1.txt")
        #expect(large.nodeCount == 1001 && large.name == "rc2_10_1")
    }

    @Test func cvrplibXSolutionsHaveThePublishedCosts() throws {
        let instances = try expectPublishedSolutions(in: "cvrplib-x")
        #expect(instances.count == 100)
        #expect(instances.allSatisfy { $0.kind == .cvrp && $0.convention == .roundedEuclidean && $0.vehicleLimit == nil })
    }

    @Test func gehringHombergerRouteFilesHaveThePublishedCosts() throws {
        let table = try bksTable()
        let routeFiles = try BenchmarkData.files(in: "homberger/bks", extension: "txt")
        let instances = try BenchmarkData.files(in: "homberger", extension: "txt")
        #expect(routeFiles.count == 18 && instances.count == 18)
        for file in instances {
            let instance = try BenchmarkData.instance(file)
            let routeFile = try #require(routeFiles.first { ($0 as NSString).lastPathComponent.hasPrefix(instance.name + ".") })
            let solution = try RouteFile.parse(BenchmarkData.text(routeFile), fileName: routeFile)
            #expect(solution.cost == nil)
            let routes = try solution.nodeRoutes(in: instance, fileName: routeFile)
            let entry = try #require(table.entry(forInstance: instance.name), "\(instance.name) not in bks.csv")
            let total = instance.distance(ofRoutes: routes)
            #expect(instance.convention.reportedCost(total) == entry.cost, "\(instance.name)")
            #expect(routes.count == entry.vehicles, "\(instance.name)")
            // The file name carries the cost to four decimals: "c1_2_1.20_2704.5678.txt".
            let named = try #require(Double(routeFile.split(separator: "_").last?.dropLast(4) ?? ""))
            #expect(abs(total - named) < 0.000_05 + 1e-9, "\(instance.name)")
            #expect(violations(of: routes, in: instance).isEmpty, "\(instance.name)")
        }
    }

    @Test func vrplibGehringHombergerSolutionsHaveTheDIMACSCosts() throws {
        let instances = try expectPublishedSolutions(in: "homberger-1000-vrplib")
        #expect(instances.count == 6)
        #expect(instances.allSatisfy { $0.convention == .truncatedEuclidean && $0.vehicleLimit == 250 })
    }

    /// Checks every `.vrp` instance of a bench folder against the `.sol` file beside it and the
    /// best-known table: the routes are feasible, their cost (as the convention reports it) is the
    /// file's and the table's, their number the table's. Returns the instances, for the caller's checks.
    private func expectPublishedSolutions(in folder: String) throws -> [BenchmarkInstance] {
        let table = try bksTable()
        var instances: [BenchmarkInstance] = []
        for file in try BenchmarkData.files(in: folder, extension: "vrp") {
            let instance = try BenchmarkData.instance(file)
            let solutionName = file.replacingOccurrences(of: ".vrp", with: ".sol")
            let solution = try RouteFile.parse(BenchmarkData.text(solutionName), fileName: solutionName)
            let routes = try solution.nodeRoutes(in: instance, fileName: solutionName)
            let entry = try #require(table.entry(forInstance: instance.name), "\(instance.name) not in bks.csv")
            let cost = instance.convention.reportedCost(instance.distance(ofRoutes: routes))
            #expect(cost == entry.cost, "\(instance.name)")
            #expect(cost == solution.cost, "\(instance.name)")
            #expect(routes.count == entry.vehicles, "\(instance.name)")
            #expect(violations(of: routes, in: instance).isEmpty, "\(instance.name)")
            instances.append(instance)
        }
        return instances
    }

    @Test func pr1002OptimalTourHasTheOptimalLength() throws {
        let instance = try BenchmarkData.instance("tsplib/pr1002.tsp")
        let solution = try RouteFile.parse(BenchmarkData.text("tsplib/pr1002.sol"), fileName: "pr1002.sol")
        let routes = try solution.nodeRoutes(in: instance, fileName: "pr1002.sol")
        #expect(routes.count == 1 && Set(routes[0]) == Set(1..<1002))
        #expect(instance.distance(ofRoutes: routes) == 259_045)
        #expect(try bksTable().entry(forInstance: "pr1002")?.cost == 259_045)
    }

    @Test func rereadingTheDIMACSFilesWithRealDistancesMissesThePublishedCosts() throws {
        // The VRPLIB header says EUC_2D without a rounding rule; the published costs hold only with truncation.
        var instance = try BenchmarkData.instance("homberger-1000-vrplib/C1_10_1.vrp")
        let solution = try RouteFile.parse(
            BenchmarkData.text("homberger-1000-vrplib/C1_10_1.sol"), fileName: "C1_10_1.sol")
        let routes = try solution.nodeRoutes(in: instance, fileName: "C1_10_1.sol")
        instance.convention = .realEuclidean
        #expect(instance.distance(ofRoutes: routes) > 42_444.8 + 1)
    }
}
