import Testing

@testable import Routing

struct TwoOptTests {
    @Test func uncrossesARoute() throws {
        // Depot, (10, 0), (0, 10), (10, 10): the legs (10,0)→(0,10) and (10,10)→depot cross.
        let fixture = try MoveFixture(jobs: [Point(x: 10, y: 0), Point(x: 0, y: 10), Point(x: 10, y: 10)], routes: [[0, 1, 2]])
        #expect(TwoOpt().improve(fixture.state, 0, 2))
        #expect(fixture.routes == [[0, 2, 1]])
        #expect(fixture.state.totalDistance == 40)
        #expect(fixture.isFeasible)
    }
}
