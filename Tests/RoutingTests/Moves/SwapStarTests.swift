import Testing

@testable import Routing

struct SwapStarTests {
    @Test func insertsEachJobAtItsBestPlaceInTheOtherRoute() throws {
        // u = job 1 sits in route A far from it; v = job 4 sits at the end of route B. SWAP* puts
        // u between jobs 3 and 5 (not in v's place), and v after job 2, on the way back.
        let points = [
            Point(x: 10, y: 0), Point(x: 0, y: 10.5), Point(x: 20, y: 0),
            Point(x: 0, y: 10), Point(x: 10, y: 0.5), Point(x: 0, y: 20),
        ]
        let fixture = try MoveFixture(jobs: points, routes: [[0, 1, 2], [3, 5, 4]])
        let before = fixture.state.totalDistance
        #expect(SwapStar().improve(fixture.state, 1, 4))
        #expect(fixture.routes == [[0, 2, 4], [3, 1, 5]])
        #expect(fixture.state.totalDistance < before)
        #expect(fixture.isFeasible)
    }
}
