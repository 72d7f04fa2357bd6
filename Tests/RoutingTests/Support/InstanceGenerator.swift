@testable import Routing

/// Random instances for tests, reproducible from a seed.
enum InstanceGenerator {
    /// Random points in a square `size` × `size`, location 0 in the centre (the depot).
    static func points(_ count: Int, size: Double = 100, seed: UInt64) -> [Point] {
        var rng = SplitMix64(seed: seed)
        return [Point(x: size / 2, y: size / 2)] + (0..<count).map { _ in Point(x: rng.unit() * size, y: rng.unit() * size) }
    }

    /// A TSP over `count` random points plus a depot (location 0), rounded Euclidean.
    static func tsp(_ count: Int, seed: UInt64) throws -> Problem {
        let matrix = Matrix.euclidean(points(count, size: 1000, seed: seed), rounding: .nearest)
        return try Problem(
            distances: matrix, durations: matrix,
            jobs: (1...count).map { Job(location: $0) },
            vehicles: [.roundTrip(depot: 0)], objective: .distance)
    }

    /// A VRPTW in the style of Solomon's R instances: random customers, unit demands up to 10,
    /// service 10, one window each, `vehicles` vehicles of capacity `capacity`.
    static func vrptw(
        _ count: Int, vehicles: Int, capacity: Double = 50, horizon: Double = 400,
        windows: Int = 1, seed: UInt64, objective: Objective = .hierarchical
    ) throws -> Problem {
        var rng = SplitMix64(seed: seed &+ 7)
        let pts = points(count, seed: seed)
        let matrix = Matrix.euclidean(pts)
        let jobs = (1...count).map { location -> Job in
            let direct = matrix[0, location]
            var list: [TimeWindow] = []
            var cursor = direct
            for _ in 0..<windows {
                let open = cursor + rng.unit() * (horizon - 2 * direct - 40) / Double(windows)
                guard open + 30 + direct + 10 <= horizon else { break }
                list.append(TimeWindow(start: open, end: open + 30))
                cursor = open + 60
            }
            return Job(
                location: location, serviceDuration: 10, timeWindows: list,
                demand: [Double(1 + rng.below(10))])
        }
        let fleet = (0..<vehicles).map { _ in
            Vehicle(start: 0, end: 0, shift: TimeWindow(start: 0, end: horizon), capacity: [capacity])
        }
        return try Problem(distances: matrix, durations: matrix, jobs: jobs, vehicles: fleet, objective: objective)
    }
}
