/// A minimum-cost maximum flow by successive shortest paths (Dijkstra on reduced costs, the
/// first potentials by Bellman–Ford, so arcs may cost less than nothing as long as the graph
/// has no cycle of negative cost). Among the flows of greatest value it returns one of least
/// cost, with integral flows on every arc. O(F × E log V) for a flow of value F.
struct MinCostFlow {
    private var head: [Int]
    private var target: [Int] = []
    private var next: [Int] = []
    private var capacity: [Int] = []
    private var cost: [Double] = []

    /// A network of `nodes` nodes and no arcs.
    init(nodes: Int) {
        head = Array(repeating: -1, count: nodes)
    }

    /// Adds an arc and its residual twin; returns the arc's index, for `flow(on:)`.
    @discardableResult
    mutating func addArc(from: Int, to: Int, capacity arcCapacity: Int, cost arcCost: Double) -> Int {
        let index = target.count
        for (tail, tip, units, price) in [(from, to, arcCapacity, arcCost), (to, from, 0, -arcCost)] {
            target.append(tip)
            capacity.append(units)
            cost.append(price)
            next.append(head[tail])
            head[tail] = target.count - 1
        }
        return index
    }

    /// The units flowing on arc `arc` (after `solve`).
    func flow(on arc: Int) -> Int { capacity[arc ^ 1] }

    /// Sends as much flow as possible from `source` to `sink` at least cost; returns its value
    /// and cost.
    mutating func solve(source: Int, sink: Int) -> (flow: Int, cost: Double) {
        let n = head.count
        var potential = initialPotentials(from: source)
        var total = (flow: 0, cost: 0.0)
        var distance = [Double](repeating: .infinity, count: n)
        var via = [Int](repeating: -1, count: n)
        while true {
            for i in 0..<n { distance[i] = .infinity }
            distance[source] = 0
            var heap = NodeHeap()
            heap.push(source, 0)
            while let (node, d) = heap.pop() {
                if d > distance[node] { continue }
                var arc = head[node]
                while arc >= 0 {
                    let tip = target[arc]
                    if capacity[arc] > 0, potential[tip] < .infinity {
                        let reduced = max(0, cost[arc] + potential[node] - potential[tip])
                        if d + reduced < distance[tip] - 1e-12 {
                            distance[tip] = d + reduced
                            via[tip] = arc
                            heap.push(tip, d + reduced)
                        }
                    }
                    arc = next[arc]
                }
            }
            guard distance[sink] < .infinity else { return total }
            for i in 0..<n where distance[i] < .infinity { potential[i] += distance[i] }
            var units = Int.max
            var node = sink
            while node != source {
                units = min(units, capacity[via[node]])
                node = target[via[node] ^ 1]
            }
            node = sink
            while node != source {
                capacity[via[node]] -= units
                capacity[via[node] ^ 1] += units
                total.cost += Double(units) * cost[via[node]]
                node = target[via[node] ^ 1]
            }
            total.flow += units
        }
    }

    /// Shortest distances from `source` over the arcs with capacity (Bellman–Ford; the
    /// networks here are layered, so it settles in a few passes). Unreachable nodes stay at
    /// infinity and are never entered.
    private func initialPotentials(from source: Int) -> [Double] {
        var distance = [Double](repeating: .infinity, count: head.count)
        distance[source] = 0
        var changed = true
        var passes = 0
        while changed, passes < head.count {
            changed = false
            passes += 1
            for node in head.indices where distance[node] < .infinity {
                var arc = head[node]
                while arc >= 0 {
                    if capacity[arc] > 0, distance[node] + cost[arc] < distance[target[arc]] - 1e-12 {
                        distance[target[arc]] = distance[node] + cost[arc]
                        changed = true
                    }
                    arc = next[arc]
                }
            }
        }
        return distance
    }
}

/// A binary min-heap of (node, distance) for Dijkstra, with lazy deletion.
private struct NodeHeap {
    private var items: [(node: Int, key: Double)] = []

    mutating func push(_ node: Int, _ key: Double) {
        items.append((node, key))
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard items[i].key < items[parent].key else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> (Int, Double)? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let (l, r) = (2 * i + 1, 2 * i + 2)
                var smallest = i
                if l < items.count, items[l].key < items[smallest].key { smallest = l }
                if r < items.count, items[r].key < items[smallest].key { smallest = r }
                if smallest == i { break }
                items.swapAt(i, smallest)
                i = smallest
            }
        }
        return (top.node, top.key)
    }
}
