import Foundation

/// How a Euclidean distance is rounded.
public enum EuclideanRounding: Sendable, Hashable {
    /// Real distance (Solomon VRPTW convention).
    case none
    /// Nearest integer, `nint` (TSPLIB `EUC_2D`, CVRPLIB X).
    case nearest
    /// Next integer up (TSPLIB `CEIL_2D`).
    case up
}

/// A square matrix of travel distances or durations between locations, row-major, asymmetric
/// allowed.
///
/// Values are `Double`: integers are exact in a `Double` up to 2^53 so integral benchmarks
/// (TSPLIB, CVRPLIB) keep exact sums, while real Euclidean distances (Solomon) and great-circle
/// kilometres need no scaling; the solver compares with a small tolerance.
public struct Matrix: Sendable, Hashable {
    /// Number of locations (rows and columns).
    public let count: Int
    /// Row-major values: `values[from * count + to]`.
    public let values: ContiguousArray<Double>

    /// Creates a matrix from row-major values; O(n²).
    public init(count: Int, values: ContiguousArray<Double>) throws(ProblemError) {
        guard count >= 0, values.count == count * count else {
            throw .matrixSize(expected: count * count, found: values.count)
        }
        if let bad = values.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw .matrixValue(from: bad / max(count, 1), to: bad % max(count, 1), value: values[bad])
        }
        self.count = count
        self.values = values
    }

    /// Creates a matrix from explicit rows; O(n²).
    public init(rows: [[Double]]) throws(ProblemError) {
        let n = rows.count
        var flat = ContiguousArray<Double>()
        flat.reserveCapacity(n * n)
        for (index, row) in rows.enumerated() {
            guard row.count == n else { throw .matrixRow(row: index, expected: n, found: row.count) }
            flat.append(contentsOf: row)
        }
        try self.init(count: n, values: flat)
    }

    private init(unchecked count: Int, values: ContiguousArray<Double>) {
        self.count = count
        self.values = values
    }

    /// The value from location `from` to location `to`.
    @inlinable public subscript(from: Int, to: Int) -> Double { values[from * count + to] }

    /// Euclidean distances between points, rounded as the benchmark format requires; O(n²).
    public static func euclidean(_ points: [Point], rounding: EuclideanRounding = .none) -> Matrix {
        build(points.count) { a, b in
            let dx = points[a].x - points[b].x
            let dy = points[a].y - points[b].y
            let d = (dx * dx + dy * dy).squareRoot()
            switch rounding {
            case .none: return d
            case .nearest: return (d + 0.5).rounded(.down)
            case .up: return d.rounded(.up)
            }
        }
    }

    /// Great-circle (haversine) kilometres on a sphere of radius 6 371.0088 km, times a road
    /// detour factor (≈ 1.3 for French rural roads); O(n²).
    public static func greatCircle(_ coordinates: [GeoCoordinate], detourFactor: Double = 1.3) -> Matrix {
        let radians = coordinates.map { ($0.latitude * .pi / 180, $0.longitude * .pi / 180) }
        return build(coordinates.count) { a, b in
            let (lat1, lon1) = radians[a]
            let (lat2, lon2) = radians[b]
            let s1 = sin((lat2 - lat1) / 2)
            let s2 = sin((lon2 - lon1) / 2)
            let h = s1 * s1 + cos(lat1) * cos(lat2) * s2 * s2
            return 2 * 6371.0088 * asin(min(1, h.squareRoot())) * detourFactor
        }
    }

    /// This matrix with every value multiplied by `factor` (e.g. `1 / speed` to turn kilometres
    /// into hours); O(n²).
    public func scaled(by factor: Double) -> Matrix {
        Matrix(unchecked: count, values: ContiguousArray(values.map { $0 * factor }))
    }

    /// Whether `self[a, b] == self[b, a]` for every pair; O(n²).
    public var isSymmetric: Bool {
        for a in 0..<count {
            for b in (a + 1)..<max(a + 1, count) where values[a * count + b] != values[b * count + a] {
                return false
            }
        }
        return true
    }

    private static func build(_ n: Int, _ value: (Int, Int) -> Double) -> Matrix {
        var flat = ContiguousArray<Double>(repeating: 0, count: n * n)
        for a in 0..<n {
            for b in 0..<n where a != b { flat[a * n + b] = value(a, b) }
        }
        return Matrix(unchecked: n, values: flat)
    }
}
