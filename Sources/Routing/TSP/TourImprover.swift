/// Iterated local search for the symmetric TSP: 2-opt and Or-opt moves over neighbour lists with
/// a queue of active nodes (don't-look bits, Bentley 1992), perturbed by segment-local
/// double-bridge kicks and keeping the better tour (Chained local search after Martin, Otto,
/// Felten 1991; Applegate, Cook, Rohe 2003). Array tour with position index; every exchange
/// reverses the shorter side, O(√n) on average. One kick costs O(segment + repaired moves) plus
/// O(n) to restore the best tour when the kick did not pay.
struct TourImprover {
    private let n: Int
    private var cost: [Double]
    private var neighbours: [[Int]]
    private var tour: [Int]
    private var position: [Int]
    private var queue: [Int] = []
    private var queued: [Bool]
    private var length = 0.0
    private let neighbourCount = 10

    /// Builds the node matrix: node 0 is the depot, node k the job k - 1; O(n² log n).
    init(_ instance: Instance) {
        n = instance.jobCount + 1
        let depot = instance.problem.vehicles[0].start
        let location = [depot] + instance.jobLocation
        var matrix = [Double](repeating: 0, count: n * n)
        for a in 0..<n { for b in 0..<n { matrix[a * n + b] = instance.dist(location[a], location[b]) } }
        cost = matrix
        var lists: [[Int]] = []
        let count = min(neighbourCount, n - 1)
        let n = n
        for a in 0..<n {
            let row = a * n
            var others = (0..<n).filter { $0 != a }
            others.sort { (matrix[row + $0], $0) < (matrix[row + $1], $1) }
            lists.append(Array(others.prefix(count)))
        }
        neighbours = lists
        tour = Array(0..<n)
        position = Array(0..<n)
        queued = [Bool](repeating: false, count: n)
    }

    @inline(__always) private func d(_ a: Int, _ b: Int) -> Double { cost[a &* n &+ b] }
    @inline(__always) private func next(_ a: Int) -> Int { tour[position[a] == n - 1 ? 0 : position[a] + 1] }
    @inline(__always) private func prev(_ a: Int) -> Int { tour[position[a] == 0 ? n - 1 : position[a] - 1] }

    /// Improves the single route of `state` (built from a greedy tour) until the budget ends.
    mutating func solve(_ state: SearchState, budget: Budget, rng: inout SplitMix64) {
        nearestNeighbourTour()
        for a in 0..<n { push(a) }
        improve()
        var best = tour
        var bestLength = length
        var iteration = 0
        while !budget.isExhausted(iteration) && n >= 8 {
            iteration += 1
            kick(&rng)
            improve()
            if length < bestLength - 1e-9 {
                best = tour
                bestLength = length
            } else if length > bestLength + 1e-9 || tour != best {
                tour = best
                length = bestLength
                for (p, node) in tour.enumerated() { position[node] = p }
            }
        }
        let start = position[0]
        let jobs = (1..<n).map { tour[(start + $0) % n] - 1 }
        state.setJobs(0, jobs)
    }

    /// A Held–Karp lower bound on the tour length, sized by the length found; O(100 n²).
    func lowerBound(upper: Double) -> Double {
        OneTreeBound.compute(cost: cost, n: n, upper: upper)
    }

    private mutating func nearestNeighbourTour() {
        var visited = [Bool](repeating: false, count: n)
        var current = 0
        visited[0] = true
        var order = [0]
        for _ in 1..<n {
            var chosen = -1
            for c in neighbours[current] where !visited[c] {
                chosen = c
                break
            }
            if chosen < 0 {
                var bestCost = Double.infinity
                for c in 0..<n where !visited[c] && d(current, c) < bestCost {
                    bestCost = d(current, c)
                    chosen = c
                }
            }
            visited[chosen] = true
            order.append(chosen)
            current = chosen
        }
        tour = order
        for (p, node) in tour.enumerated() { position[node] = p }
        length = (0..<n).reduce(0) { $0 + d(tour[$1], tour[($1 + 1) % n]) }
    }

    @inline(__always) private mutating func push(_ a: Int) {
        if !queued[a] {
            queued[a] = true
            queue.append(a)
        }
    }

    /// Removes edges {a, b} and {c, d} and adds {a, c} and {b, d}, where the tour runs a→b … c→d
    /// or b→a … d→c; reverses the shorter of the two paths.
    private mutating func exchange(_ a: Int, _ b: Int, _ c: Int, _ d: Int) {
        if next(a) == b { reversePath(b, c) } else { reversePath(a, d) }
        push(a)
        push(b)
        push(c)
        push(d)
    }

    /// Reverses the path from `x` forward to `y` (or, equivalently, its complement).
    private mutating func reversePath(_ x: Int, _ y: Int) {
        var i = position[x]
        var j = position[y]
        var length = j - i
        if length < 0 { length += n }
        length += 1
        if 2 * length > n {
            let newI = j + 1
            let newJ = i - 1
            i = newI == n ? 0 : newI
            j = newJ < 0 ? n - 1 : newJ
            length = n - length
        }
        for _ in 0..<(length / 2) {
            let u = tour[i]
            let v = tour[j]
            tour[i] = v
            position[v] = i
            tour[j] = u
            position[u] = j
            i += 1
            if i == n { i = 0 }
            j -= 1
            if j < 0 { j = n - 1 }
        }
    }

    private mutating func improve() {
        while let a = queue.popLast() {
            queued[a] = false
            if twoOpt(a) || orOpt(a) { push(a) }
        }
    }

    private mutating func twoOpt(_ a: Int) -> Bool {
        for forward in [true, false] {
            let b = forward ? next(a) : prev(a)
            let removed = d(a, b)
            for c in neighbours[a] {
                let g1 = removed - d(a, c)
                if g1 <= 1e-9 { break }
                let dd = forward ? next(c) : prev(c)
                if c == b || dd == a { continue }
                let gain = g1 + d(c, dd) - d(b, dd)
                if gain > 1e-9 {
                    if forward { exchange(a, b, c, dd) } else { exchange(b, a, dd, c) }
                    length -= gain
                    return true
                }
            }
        }
        return false
    }

    /// Moves the segment of 1–3 nodes starting at `a` (forward) between two neighbouring nodes,
    /// in either orientation.
    private mutating func orOpt(_ a: Int) -> Bool {
        guard n >= 8 else { return false }
        var s2 = a
        for k in 1...3 {
            if k > 1 { s2 = next(s2) }
            let s1 = a
            let p = prev(s1)
            let nx = next(s2)
            if nx == p || s2 == p { break }
            let removalGain = d(p, s1) + d(s2, nx) - d(p, nx)
            if removalGain <= 1e-9 { continue }
            for end in [s1, s2] {
                for c in neighbours[end] {
                    if d(end, c) >= removalGain { break }
                    if inSegment(c, s1, k) { continue }
                    for (x, y) in [(c, next(c)), (prev(c), c)] {
                        if inSegment(x, s1, k) || inSegment(y, s1, k) || y == s1 || x == s2 || x == nx || y == p { continue }
                        let sameCost = d(x, s1) + d(s2, y) - d(x, y)
                        let reversedCost = d(x, s2) + d(s1, y) - d(x, y)
                        let reversed = reversedCost < sameCost
                        let gain = removalGain - min(sameCost, reversedCost)
                        guard gain > 1e-9 else { continue }
                        exchange(p, s1, x, y)
                        exchange(p, x, nx, s2)
                        if !reversed { exchange(x, s2, s1, y) }
                        length -= gain
                        return true
                    }
                }
            }
        }
        return false
    }

    @inline(__always) private func inSegment(_ c: Int, _ s1: Int, _ k: Int) -> Bool {
        var node = s1
        for _ in 0..<k {
            if node == c { return true }
            node = next(node)
        }
        return false
    }

    /// Double bridge on three consecutive short segments after a random node: A B C D → A C B D.
    private mutating func kick(_ rng: inout SplitMix64) {
        let span = max(1, min(50, (n - 2) / 3))
        let l1 = 1 + rng.below(span)
        let l2 = 1 + rng.below(span)
        let first = rng.below(n)
        let total = l1 + l2
        var segment = [Int](repeating: 0, count: total)
        for k in 0..<total { segment[k] = tour[(first + 1 + k) % n] }
        let before = tour[first]
        let after = tour[(first + total + 1) % n]
        let b1 = segment[0]
        let b2 = segment[l1 - 1]
        let c1 = segment[l1]
        let c2 = segment[total - 1]
        length += d(before, c1) + d(c2, b1) + d(b2, after) - d(before, b1) - d(b2, c1) - d(c2, after)
        for k in 0..<total {
            let node = segment[(k + l1) % total]
            let p = (first + 1 + k) % n
            tour[p] = node
            position[node] = p
        }
        for node in [before, b1, b2, c1, c2, after] { push(node) }
    }
}
