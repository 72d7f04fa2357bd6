import Testing

@testable import Routing

struct OrOptTests {
    @Test func movesAChainOfTwoToWhereItBelongs() throws {
        let xs: [Double] = [10, 20, 30, 40, 50, 60, 70]
        // Visiting order 10, 50, 60, 20, 30, 40, 70: the chain (50, 60) belongs after 40.
        let fixture = try MoveFixture(jobs: xs.map { Point(x: $0, y: 0) }, routes: [[0, 4, 5, 1, 2, 3, 6]])
        #expect(OrOpt().improve(fixture.state, 4, 3))
        #expect(fixture.routes == [[0, 1, 2, 3, 4, 5, 6]])
        #expect(fixture.state.totalDistance == 140)
        #expect(fixture.isFeasible)
    }

    @Test func reversesAChainWhenAsked() throws {
        // Chain (60, 50) visited after 10 fits after 40 reversed.
        let xs: [Double] = [10, 20, 30, 40, 50, 60, 70]
        let fixture = try MoveFixture(jobs: xs.map { Point(x: $0, y: 0) }, routes: [[0, 5, 4, 1, 2, 3, 6]])
        #expect(Relocate(length: 2, reversed: true).improve(fixture.state, 5, 3))
        #expect(fixture.routes == [[0, 1, 2, 3, 4, 5, 6]])
        #expect(fixture.state.totalDistance == 140)
    }
}
