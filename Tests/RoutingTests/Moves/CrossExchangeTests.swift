import Testing

@testable import Routing

struct CrossExchangeTests {
    @Test func exchangesAChainOfTwoForOneJob() throws {
        let points = [Point(x: 10, y: 0), Point(x: 0, y: 10), Point(x: 0, y: 11), Point(x: 0, y: 12), Point(x: 10, y: 1)]
        let fixture = try MoveFixture(jobs: points, routes: [[0, 1, 2], [3, 4]])
        let before = fixture.state.totalDistance
        #expect(CrossExchange(firstLength: 2, secondLength: 1).improve(fixture.state, 1, 4))
        #expect(fixture.routes == [[0, 4], [3, 1, 2]])
        #expect(fixture.state.totalDistance < before)
        #expect(fixture.isFeasible)
    }

    @Test func coversEveryLengthPairButTheSingleSwap() {
        let pairs = CrossExchange.variants.map { [$0.firstLength, $0.secondLength] }
        #expect(pairs.count == 8)
        #expect(!pairs.contains([1, 1]))
    }
}
