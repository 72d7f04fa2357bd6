import Testing

@testable import Routing

struct RelocateTests {
    @Test func movesAJobToTheRouteOfItsNeighbour() throws {
        let fixture = try MoveFixture(jobs: [Point(x: 10, y: 0), Point(x: 0, y: 10), Point(x: 0, y: 11)], routes: [[0, 1], [2]])
        let before = fixture.state.totalDistance
        #expect(Relocate().improve(fixture.state, 1, 2))
        #expect(fixture.routes == [[0], [2, 1]])
        #expect(fixture.state.totalDistance < before)
        #expect(fixture.isFeasible)
    }

    @Test func movesAJobWithinItsRoute() throws {
        // An open route on a line: visiting 30 between 10 and 20 is a detour; after 20 it is not.
        let fixture = try MoveFixture(
            jobs: [10, 20, 30].map { Point(x: $0, y: 0) }, routes: [[0, 2, 1]],
            vehicle: Vehicle(start: 0))
        #expect(Relocate().improve(fixture.state, 2, 1))
        #expect(fixture.routes == [[0, 1, 2]])
        #expect(fixture.state.totalDistance == 30)
    }

    @Test func refusesAMoveThatBreaksAWindow() throws {
        // Job 1 must start by 10.5: first in its route it does, after job 2 it would start at 12.
        let fixture = try MoveFixture(
            jobs: [Point(x: 10, y: 0), Point(x: 0, y: 10), Point(x: 0, y: 11)], routes: [[1, 0], [2]],
            jobs: { $0 == 1 ? Job(location: 2, timeWindows: [TimeWindow(start: 0, end: 10.5)]) : Job(location: $0 + 1) })
        #expect(!Relocate().improve(fixture.state, 1, 2))
        #expect(fixture.routes == [[1, 0], [2]])
    }
}
