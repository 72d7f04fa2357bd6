import Testing

@testable import Routing

struct TwoOptStarTests {
    @Test func exchangesCrossingTails() throws {
        let points = [Point(x: 10, y: 0), Point(x: 20, y: 10), Point(x: 10, y: 10), Point(x: 20, y: 0)]
        let fixture = try MoveFixture(depot: Point(x: 0, y: 5), jobs: points, routes: [[0, 1], [2, 3]])
        let before = fixture.state.totalDistance
        #expect(TwoOptStar().improve(fixture.state, 0, 3))
        #expect(fixture.routes == [[0, 3], [2, 1]])
        #expect(fixture.state.totalDistance < before)
        #expect(fixture.isFeasible)
    }

    @Test func checksCapacityOfTheNewRoutes() throws {
        let points = [Point(x: 10, y: 0), Point(x: 20, y: 10), Point(x: 10, y: 10), Point(x: 20, y: 0)]
        let fixture = try MoveFixture(
            depot: Point(x: 0, y: 5), jobs: points, routes: [[0, 1], [2, 3]],
            jobs: { Job(location: $0 + 1, demand: [$0 == 3 ? 5 : 1]) },
            vehicle: .roundTrip(depot: 0, capacity: [5]))
        #expect(!TwoOptStar().improve(fixture.state, 0, 3))
    }
}
