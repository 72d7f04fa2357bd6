/// Objective components of a solution or of a change to one (deltas are additive).
struct Components: Sendable {
    var mandatory: Double = 0
    var penalty: Double = 0
    var vehicles: Double = 0
    var cost: Double = 0

    static func + (a: Components, b: Components) -> Components {
        Components(
            mandatory: a.mandatory + b.mandatory, penalty: a.penalty + b.penalty,
            vehicles: a.vehicles + b.vehicles, cost: a.cost + b.cost)
    }

    static func - (a: Components, b: Components) -> Components {
        Components(
            mandatory: a.mandatory - b.mandatory, penalty: a.penalty - b.penalty,
            vehicles: a.vehicles - b.vehicles, cost: a.cost - b.cost)
    }
}

/// A value compared lexicographically, level 0 first: the image of `Components` under an
/// `Objective`. Linear, so the score of a delta is the delta of scores.
struct Score: Sendable {
    var levels: (Double, Double, Double, Double)

    static let zero = Score(levels: (0, 0, 0, 0))
    static let worst = Score(levels: (.infinity, .infinity, .infinity, .infinity))

    /// Tolerance under which two level values count as equal.
    static let epsilon = 1e-7

    /// Lexicographic comparison with tolerance: negative, zero or positive.
    @inline(__always)
    static func compare(_ a: Score, _ b: Score) -> Int {
        var c = level(a.levels.0, b.levels.0)
        if c != 0 { return c }
        c = level(a.levels.1, b.levels.1)
        if c != 0 { return c }
        c = level(a.levels.2, b.levels.2)
        if c != 0 { return c }
        return level(a.levels.3, b.levels.3)
    }

    @inline(__always)
    private static func level(_ x: Double, _ y: Double) -> Int {
        if x == y { return 0 }
        if x.isInfinite || y.isInfinite || abs(x - y) > epsilon * max(1, abs(x), abs(y)) { return x < y ? -1 : 1 }
        return 0
    }

    /// Whether `self` is strictly better (lower) than `other`.
    func isBetter(than other: Score) -> Bool { Score.compare(self, other) < 0 }

    static func + (a: Score, b: Score) -> Score {
        Score(levels: (a.levels.0 + b.levels.0, a.levels.1 + b.levels.1, a.levels.2 + b.levels.2, a.levels.3 + b.levels.3))
    }

    /// A single number for regret and annealing: the lowest level that the objective uses,
    /// with higher levels weighted far above it.
    var scalar: Double { ((levels.0 * 1e6 + levels.1) * 1e6 + levels.2) * 1e6 + levels.3 }
}

/// The linear map from `Components` to `Score` that an `Objective` defines, precomputed so the
/// search never switches on the objective in its inner loop.
struct ScoreMap: Sendable {
    /// Weights (penalty, vehicles, cost) of levels 1, 2 and 3.
    private var weights: [(Double, Double, Double)] = [(0, 0, 0), (0, 0, 0), (0, 0, 0)]

    init(_ objective: Objective) {
        switch objective {
        case .distance:
            weights[2] = (1, 0, 1)
        case .weighted(let penalty, let vehicles, let cost):
            weights[2] = (penalty, vehicles, cost)
        case .lexicographic(let criteria):
            let used = Array(criteria.prefix(3))
            for (index, criterion) in used.enumerated() {
                let level = 3 - used.count + index
                switch criterion {
                case .unservedPenalty: weights[level].0 = 1
                case .vehicles: weights[level].1 = 1
                case .cost: weights[level].2 = 1
                }
            }
        }
    }

    /// The score of `c`.
    func score(_ c: Components) -> Score {
        let (a, b, d) = (weights[0], weights[1], weights[2])
        return Score(
            levels: (
                c.mandatory,
                a.0 * c.penalty + a.1 * c.vehicles + a.2 * c.cost,
                b.0 * c.penalty + b.1 * c.vehicles + b.2 * c.cost,
                d.0 * c.penalty + d.1 * c.vehicles + d.2 * c.cost
            ))
    }
}
