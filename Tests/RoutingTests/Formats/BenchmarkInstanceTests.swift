import TestSupport
import Testing

@testable import Routing

struct BenchmarkInstanceTests {
    @Test func matrixAgreesWithPairwiseDistances() throws {
        for file in ["tsplib/eil51.tsp", "solomon/R101.txt", "homberger-1000-vrplib/R1_10_1.vrp"] {
            let instance = try BenchmarkData.instance(file)
            let n = instance.nodeCount
            let matrix = instance.distanceMatrix()
            #expect(matrix.count == n * n)
            #expect((0..<n).allSatisfy { matrix[$0 * n + $0] == 0 }, "\(file)")
            for (from, to) in [(0, 1), (1, 0), (3, n - 1), (n - 1, 2)] {
                #expect(matrix[from * n + to] == instance.distance(from: from, to: to), "\(file)")
                #expect(matrix[from * n + to] == matrix[to * n + from], "\(file)")
            }
        }
    }

    @Test func routeDistanceCountsBothDepotLegsAndSkipsEmptyRoutes() throws {
        let instance = try BenchmarkData.instance("tsplib/eil51.tsp")
        let oneWay = instance.distance(from: 0, to: 5) + instance.distance(from: 5, to: 9) + instance.distance(from: 9, to: 0)
        #expect(instance.distance(ofRoutes: [[5, 9], []]) == oneWay)
        #expect(instance.distance(ofRoutes: []) == 0)
    }
}
