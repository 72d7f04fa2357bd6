import TestSupport
import Testing

@testable import Routing

struct BenchmarkProblemTests {
    @Test func aTSPIsOneRoundTripOverEveryOtherCity() throws {
        let instance = try BenchmarkData.instance("tsplib/kroA100.tsp")
        let mapped = try BenchmarkProblem(instance: instance, objective: .hierarchical)
        let problem = mapped.problem
        #expect(problem.jobs.count == 99)
        #expect(mapped.jobNodes == Array(1..<100))
        #expect(problem.vehicles.count == 1)
        #expect(problem.vehicles[0].start == 0 && problem.vehicles[0].end == 0)
        #expect(problem.jobs.allSatisfy { $0.timeWindows.isEmpty && $0.demand.isEmpty && $0.isMandatory })
        #expect(mapped.objective == .distance)
        #expect(problem.objective == .distance)
        for (from, to) in [(0, 1), (17, 42), (98, 3)] {
            #expect(problem.distances[from, to] == instance.distance(from: from, to: to))
        }
    }

    @Test func aSolomonFileKeepsItsFleetCapacityServiceAndWindows() throws {
        let instance = try BenchmarkData.instance("solomon/C101.txt")
        let mapped = try BenchmarkProblem(instance: instance, objective: BenchmarkProblem.literatureObjective(of: instance))
        let problem = mapped.problem
        #expect(problem.jobs.count == 100)
        #expect(problem.vehicles.count == 25)
        #expect(problem.vehicles.allSatisfy { $0.capacity == [200] && $0.start == 0 && $0.end == 0 })
        #expect(problem.vehicles[0].shift == TimeWindow(start: 0, end: 1236))
        #expect(mapped.objective == .hierarchical)
        #expect(problem.objective == .hierarchical)
        for (job, node) in mapped.jobNodes.enumerated() {
            let window = instance.timeWindows[node]
            #expect(problem.jobs[job].timeWindows == [TimeWindow(start: window.earliest, end: window.latest)])
            #expect(problem.jobs[job].serviceDuration == instance.serviceTimes[node])
            #expect(problem.jobs[job].demand == [Double(instance.demands[node])])
        }
        // Travel time is the real Euclidean distance.
        #expect(problem.durations[0, 1] == problem.distances[0, 1])
        #expect(abs(problem.distances[0, 1] - (25.0 + 324.0).squareRoot()) < 1e-12)
        #expect(try BenchmarkProblem(instance: instance, objective: .distance).problem.objective == .distance)
    }

    @Test func aCVRPHasOneVehiclePerCustomerAndMinimisesDistance() throws {
        let instance = try BenchmarkData.instance("cvrplib-x/X-n101-k25.vrp")
        let mapped = try BenchmarkProblem(instance: instance, objective: .hierarchical)
        #expect(mapped.problem.jobs.count == 100)
        #expect(mapped.problem.vehicles.count == 100)
        #expect(mapped.problem.vehicles.allSatisfy { $0.capacity == [206] })
        #expect(mapped.problem.jobs.map(\.demand) == mapped.jobNodes.map { [Double(instance.demands[$0])] })
        #expect(mapped.objective == .distance)
        #expect(BenchmarkProblem.literatureObjective(of: instance) == .distance)
    }

    @Test func aDIMACSFileKeepsItsTruncatedConvention() throws {
        let instance = try BenchmarkData.instance("homberger-1000-vrplib/R1_10_1.vrp")
        #expect(BenchmarkProblem.literatureObjective(of: instance) == .distance)
        let mapped = try BenchmarkProblem(instance: instance, objective: .distance)
        #expect(mapped.problem.jobs.count == 1000)
        #expect(mapped.problem.vehicles.count == 250)
        let d = mapped.problem.distances[0, 1]
        #expect(d == (d * 10).rounded(.down) / 10)
        #expect(mapped.problem.durations[0, 1] == d)
        #expect(mapped.problem.jobs[0].serviceDuration == 10)
    }

    @Test func routesMapBackToNodes() throws {
        let instance = try BenchmarkData.instance("solomon/C101.txt")
        let mapped = try BenchmarkProblem(instance: instance, objective: .hierarchical)
        let solution = Solver.solve(mapped.problem, options: SolverOptions(seed: 3, iterationLimit: 10))
        let routes = mapped.nodeRoutes(of: solution)
        #expect(routes.count == solution.routes.count)
        #expect(routes.flatMap { $0 }.sorted() == Array(1...100))
        let evaluation = BenchmarkEvaluation(routes: routes, of: instance)
        #expect(evaluation.isFeasible)
        #expect(abs(evaluation.distance - solution.cost.distance) < 1e-6)
    }
}
