/// Held–Karp lower bound on a symmetric TSP (Held & Karp 1970, 1971): minimum 1-trees under
/// node penalties π, raised by subgradient steps toward degree 2 everywhere. Every value of the
/// Lagrangian is a valid bound; the best is returned. O(iterations × n²) with Prim's algorithm.
struct OneTreeBound {
    /// The bound for the n × n symmetric `cost` matrix, given an upper bound `upper` (a tour
    /// length) to size the steps.
    static func compute(cost: [Double], n: Int, upper: Double, iterations: Int = 100) -> Double {
        guard n >= 3 else { return upper }
        var penalty = [Double](repeating: 0, count: n)
        var tree = OneTree(n: n)
        var best = -Double.infinity
        var scale = 2.0
        var sinceImprovement = 0
        for _ in 0..<iterations {
            let value = tree.build(cost: cost, penalty: penalty) - 2 * penalty.reduce(0, +)
            if value > best + 1e-9 {
                best = value
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
            }
            if sinceImprovement >= 10 {
                scale /= 2
                sinceImprovement = 0
            }
            let norm = tree.degree.reduce(0) { $0 + Double(($1 - 2) * ($1 - 2)) }
            if norm == 0 { break }
            let step = scale * max(upper - value, 0) / norm
            if step < 1e-12 { break }
            for i in 0..<n { penalty[i] += step * Double(tree.degree[i] - 2) }
        }
        return min(best, upper)
    }

    /// A minimum 1-tree under node penalties (a spanning tree of nodes 1..<n, then node 0's two
    /// cheapest edges), with the arrays Prim's algorithm works in kept from one build to the next.
    private struct OneTree {
        let n: Int
        /// Each node's degree in the last tree built.
        private(set) var degree: [Int]
        private var key: [Double]
        private var parent: [Int]
        private var inTree: [Bool]

        init(n: Int) {
            self.n = n
            degree = [Int](repeating: 0, count: n)
            key = [Double](repeating: 0, count: n)
            parent = [Int](repeating: 0, count: n)
            inTree = [Bool](repeating: false, count: n)
        }

        /// Builds the tree for `cost` with each edge (i, j) costing `penalty[i] + penalty[j]` more,
        /// and returns its penalised length; `degree` then holds each node's degree.
        mutating func build(cost: [Double], penalty: [Double]) -> Double {
            spanningTree(cost: cost, penalty: penalty) + attachNodeZero(cost: cost, penalty: penalty)
        }

        /// Prim's minimum spanning tree on nodes 1..<n; its length.
        private mutating func spanningTree(cost: [Double], penalty: [Double]) -> Double {
            for i in 0..<n {
                degree[i] = 0
                inTree[i] = false
                key[i] = .infinity
            }
            key[1] = 0
            parent[1] = -1
            var total = 0.0
            for _ in 1..<n {
                var u = -1
                for i in 1..<n where !inTree[i] && (u < 0 || key[i] < key[u]) { u = i }
                inTree[u] = true
                total += key[u]
                if parent[u] >= 0 {
                    degree[u] += 1
                    degree[parent[u]] += 1
                }
                for i in 1..<n where !inTree[i] {
                    let c = cost[u * n + i] + penalty[u] + penalty[i]
                    if c < key[i] {
                        key[i] = c
                        parent[i] = u
                    }
                }
            }
            return total
        }

        /// Joins node 0 to the tree by its two cheapest penalised edges; their length.
        private mutating func attachNodeZero(cost: [Double], penalty: [Double]) -> Double {
            var first = -1
            var second = -1
            for i in 1..<n {
                let c = cost[i] + penalty[0] + penalty[i]
                if first < 0 || c < cost[first] + penalty[0] + penalty[first] {
                    second = first
                    first = i
                } else if second < 0 || c < cost[second] + penalty[0] + penalty[second] {
                    second = i
                }
            }
            degree[0] = 2
            degree[first] += 1
            degree[second] += 1
            return cost[first] + cost[second] + 2 * penalty[0] + penalty[first] + penalty[second]
        }
    }
}
