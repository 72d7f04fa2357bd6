import Testing

@testable import Routing

struct SwapTests {
    @Test func exchangesTwoJobsBetweenRoutes() throws {
        let points = [Point(x: 10, y: 0), Point(x: 0, y: 10.5), Point(x: 0, y: 10), Point(x: 10, y: 0.5)]
        let fixture = try MoveFixture(jobs: points, routes: [[0, 1], [2, 3]])
        let before = fixture.state.totalDistance
        #expect(Swap().improve(fixture.state, 1, 3))
        #expect(fixture.routes == [[0, 3], [2, 1]])
        #expect(fixture.state.totalDistance < before)
        #expect(fixture.isFeasible)
    }
}
