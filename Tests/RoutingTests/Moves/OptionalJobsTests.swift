import Testing

@testable import Routing

struct OptionalJobsTests {
    private func optional(_ penalty: Double) -> (Int) -> Job {
        { Job(location: $0 + 1, demand: [1], requirement: .optional(penalty: penalty)) }
    }

    @Test func insertsAJobWorthItsDetour() throws {
        // An open route: after job 0 the detour is 1, before it 2.
        let fixture = try MoveFixture(
            jobs: [Point(x: 10, y: 0), Point(x: 11, y: 0)], routes: [[0]], jobs: optional(50),
            vehicle: Vehicle(start: 0))
        var rng = SplitMix64(seed: 1)
        #expect(OptionalJobs().insertUnassigned(fixture.state, rng: &rng))
        #expect(fixture.routes == [[0, 1]])
        #expect(fixture.isFeasible)
    }

    @Test func removesAJobNotWorthItsDetour() throws {
        let fixture = try MoveFixture(
            jobs: [Point(x: 10, y: 0), Point(x: 0, y: 30)], routes: [[0, 1]],
            jobs: { Job(location: $0 + 1, requirement: .optional(penalty: $0 == 0 ? 50 : 5)) })
        #expect(OptionalJobs().remove(fixture.state, 1))
        #expect(fixture.routes == [[0]])
        #expect(fixture.state.unassigned == [1])
        #expect(!OptionalJobs().remove(fixture.state, 0))
    }

    @Test func replacesAJobByABetterPaidNeighbour() throws {
        // Capacity 1: only one of the two can be served; job 1 pays more for the same detour.
        let fixture = try MoveFixture(
            jobs: [Point(x: 10, y: 0), Point(x: 10, y: 1)], routes: [[0]],
            jobs: { Job(location: $0 + 1, demand: [1], requirement: .optional(penalty: $0 == 0 ? 30 : 60)) },
            vehicle: .roundTrip(depot: 0, capacity: [1]))
        #expect(OptionalJobs().replace(fixture.state, 0, by: 1))
        #expect(fixture.routes == [[1]])
        #expect(fixture.state.unassigned == [0])
        #expect(fixture.isFeasible)
    }
}
