import Testing

@testable import Routing

struct ProblemTests {
    private let matrix = Matrix.euclidean([Point(x: 0, y: 0), Point(x: 1, y: 0)])

    @Test func rejectsUnsortedOrOverlappingWindows() {
        let overlapping = Job(location: 1, timeWindows: [TimeWindow(start: 0, end: 10), TimeWindow(start: 5, end: 20)])
        #expect(throws: ProblemError.jobWindows(job: 0)) {
            try Problem(distances: matrix, durations: matrix, jobs: [overlapping], vehicles: [.roundTrip(depot: 0)])
        }
        let reversed = Job(location: 1, timeWindows: [TimeWindow(start: 10, end: 5)])
        #expect(throws: ProblemError.jobWindows(job: 0)) {
            try Problem(distances: matrix, durations: matrix, jobs: [reversed], vehicles: [.roundTrip(depot: 0)])
        }
    }

    @Test func rejectsReferencesOutsideTheProblem() {
        #expect(throws: ProblemError.jobLocation(job: 0, location: 5)) {
            try Problem(distances: matrix, durations: matrix, jobs: [Job(location: 5)], vehicles: [.roundTrip(depot: 0)])
        }
        #expect(throws: ProblemError.vehicleLocation(vehicle: 0, location: 2)) {
            try Problem(distances: matrix, durations: matrix, jobs: [], vehicles: [Vehicle(start: 0, end: 2)])
        }
        #expect(throws: ProblemError.jobGroup(job: 0, group: 0)) {
            try Problem(distances: matrix, durations: matrix, jobs: [Job(location: 1, group: 0)], vehicles: [.roundTrip(depot: 0)])
        }
        #expect(throws: ProblemError.noVehicle) {
            try Problem(distances: matrix, durations: matrix, jobs: [], vehicles: [])
        }
    }

    @Test func rejectsMismatchedDimensions() {
        let jobs = [Job(location: 1, demand: [1, 2]), Job(location: 1, demand: [1])]
        #expect(throws: ProblemError.demandDimensions(job: 1, expected: 2, found: 1)) {
            try Problem(distances: matrix, durations: matrix, jobs: jobs, vehicles: [.roundTrip(depot: 0)])
        }
        #expect(throws: ProblemError.capacityDimensions(vehicle: 0, expected: 2, found: 1)) {
            try Problem(
                distances: matrix, durations: matrix, jobs: [Job(location: 1, demand: [1, 2])],
                vehicles: [.roundTrip(depot: 0, capacity: [3])])
        }
    }
}
