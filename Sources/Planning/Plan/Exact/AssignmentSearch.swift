/// Branch and bound over an `EveningAssignment`, proving its optimum or bounding it.
///
/// The relaxation drops only the gaps between a commune's visits that cross its blocks: each
/// commune's candidate dates are cut into blocks of `separation` days, at most one visit per
/// block (any two dates of a block are too close), which keeps the relaxation a network flow —
/// source → visit ranks of each commune (worth their value, in rank order since values never
/// grow) → the commune's blocks → its candidates → each vehicle's evening → its tour → sink —
/// solved exactly with integral flows by `MinCostFlow`. A relaxed solution whose visits keep
/// their gaps is a plan; otherwise the search branches on a candidate of the first pair too
/// close: left, the candidate is forbidden; right, it is fixed (and every date of its commune
/// too close to it forbidden). Nodes are explored best bound first, after a first dive down
/// the fixing side for an incumbent; filling the evenings ranks before the cost.
struct AssignmentSearch {
    /// A relaxed or feasible value: evenings left empty first, then cost.
    struct Key: Comparable {
        let empty: Int
        let cost: Double

        static func < (a: Key, b: Key) -> Bool {
            a.empty != b.empty ? a.empty < b.empty : a.cost < b.cost
        }

        /// Whether `self` can still beat `incumbent` by more than rounding.
        func improves(on incumbent: Key) -> Bool {
            empty != incumbent.empty ? empty < incumbent.empty : cost < incumbent.cost - 1e-7
        }
    }

    /// The search's answer.
    struct Outcome {
        /// The chosen candidates (indices into `assignment.candidates`).
        let chosen: [Int]
        /// Its value (cost relative to `assignment.constant`).
        let key: Key
        /// A lower bound over all plans, in the same units, when it concerns as many filled
        /// evenings as the plan (else nil: the search ran out before knowing how many can be).
        let bound: Double?
        /// Whether the plan is proven optimal.
        let isOptimal: Bool
        /// Nodes explored.
        let nodes: Int
    }

    let assignment: EveningAssignment
    /// Nodes the search may explore before it stops with its best plan and bound.
    let nodeLimit: Int

    private struct Node {
        var forbidden: Set<Int>
        var fixed: [Int]
        var relaxed: Relaxed
        var depth: Int
    }

    private struct Relaxed {
        let key: Key
        let chosen: [Int]
    }

    /// Runs the search.
    func run() -> Outcome {
        let root = Node(forbidden: [], fixed: [], relaxed: relax(forbidden: [], fixed: []), depth: 0)
        var incumbent: Relaxed?
        var open = [root]
        var nodes = 1
        // The dive: fix the first candidate of each conflict until the relaxation keeps every gap.
        var dive = root
        while nodes < nodeLimit {
            guard let conflict = firstConflict(dive.relaxed.chosen) else {
                incumbent = dive.relaxed
                break
            }
            dive = child(of: dive, fixing: conflict)
            nodes += 1
        }
        while !open.isEmpty, nodes < nodeLimit {
            let best = open.indices.min { Self.before(open[$0], open[$1]) }!
            open.swapAt(best, open.count - 1)
            let node = open.removeLast()
            if let incumbent, !node.relaxed.key.improves(on: incumbent.key) { continue }
            guard let conflict = firstConflict(node.relaxed.chosen) else {
                if incumbent.map({ node.relaxed.key.improves(on: $0.key) }) ?? true { incumbent = node.relaxed }
                continue
            }
            for next in [child(of: node, forbidding: conflict), child(of: node, fixing: conflict)] {
                nodes += 1
                if let incumbent, !next.relaxed.key.improves(on: incumbent.key) { continue }
                open.append(next)
            }
        }
        let found = incumbent ?? Relaxed(key: Key(empty: Int.max, cost: .infinity), chosen: [])
        let lowest = open.map(\.relaxed.key).filter { $0.improves(on: found.key) }.min()
        let isOptimal = incumbent != nil && lowest == nil
        let bound: Double? =
            if let lowest { lowest.empty == found.key.empty ? lowest.cost : nil } else { found.key.cost }
        return Outcome(chosen: found.chosen, key: found.key, bound: incumbent == nil ? nil : bound, isOptimal: isOptimal, nodes: nodes)
    }

    /// Best bound first; among equals the deeper node, which is nearer a plan.
    private static func before(_ a: Node, _ b: Node) -> Bool {
        a.relaxed.key != b.relaxed.key ? a.relaxed.key < b.relaxed.key : a.depth > b.depth
    }

    private func child(of node: Node, forbidding candidate: Int) -> Node {
        var forbidden = node.forbidden
        forbidden.insert(candidate)
        return Node(forbidden: forbidden, fixed: node.fixed, relaxed: relax(forbidden: forbidden, fixed: node.fixed), depth: node.depth + 1)
    }

    private func child(of node: Node, fixing candidate: Int) -> Node {
        var forbidden = node.forbidden
        let fixed = assignment.candidates[candidate]
        for (index, other) in assignment.candidates.enumerated()
        where other.commune == fixed.commune && index != candidate && abs(other.day - fixed.day) < assignment.separation {
            forbidden.insert(index)
        }
        let nowFixed = node.fixed + [candidate]
        return Node(forbidden: forbidden, fixed: nowFixed, relaxed: relax(forbidden: forbidden, fixed: nowFixed), depth: node.depth + 1)
    }

    /// The first pair of one commune's chosen candidates too close together (by date), as the
    /// earlier one; nil when every gap holds.
    private func firstConflict(_ chosen: [Int]) -> Int? {
        let candidates = assignment.candidates
        let sorted = chosen.sorted { (candidates[$0].commune, candidates[$0].day) < (candidates[$1].commune, candidates[$1].day) }
        for (a, b) in zip(sorted, sorted.dropFirst())
        where candidates[a].commune == candidates[b].commune && candidates[b].day - candidates[a].day < assignment.separation {
            return a
        }
        return nil
    }

    /// The flow relaxation with `forbidden` candidates out and `fixed` ones in. O(F × E log V).
    private func relax(forbidden: Set<Int>, fixed: [Int]) -> Relaxed {
        let candidates = assignment.candidates
        var capacity = assignment.tourCapacity
        var usedRanks = Array(repeating: 0, count: assignment.visitValues.count)
        var takenEvenings = Set<EveningKey>()
        var fixedCost = 0.0
        for index in fixed {
            let candidate = candidates[index]
            capacity[candidate.tour] -= 1
            fixedCost += candidate.cost - assignment.visitValues[candidate.commune][usedRanks[candidate.commune]]
            usedRanks[candidate.commune] += 1
            takenEvenings.insert(EveningKey(vehicle: candidate.vehicle, day: candidate.day))
        }
        let fixedSet = Set(fixed)
        var layout = FlowLayout(tours: capacity.count)
        var arcs: [(arc: Int, candidate: Int)] = []
        // Nodes are numbered as they appear; the network is built once the count is known.
        var pending: [(from: Int, to: Int, capacity: Int, cost: Double, candidate: Int?)] = []
        for (t, units) in capacity.enumerated() where units > 0 {
            pending.append((layout.tour(t), FlowLayout.sink, units, 0, nil))
        }
        var index = 0
        while index < candidates.count {
            let commune = candidates[index].commune
            var end = index
            while end < candidates.count, candidates[end].commune == commune { end += 1 }
            let values = assignment.visitValues[commune]
            let communeNode = layout.newNode()
            for rank in usedRanks[commune]..<values.count {
                pending.append((FlowLayout.source, communeNode, 1, -values[rank], nil))
            }
            let blockSize = max(1, assignment.separation)
            var blockNode = -1
            var blockStart = Int.min
            for i in index..<end where !forbidden.contains(i) && !fixedSet.contains(i) {
                let candidate = candidates[i]
                let evening = EveningKey(vehicle: candidate.vehicle, day: candidate.day)
                guard capacity[candidate.tour] > 0, !takenEvenings.contains(evening) else { continue }
                if candidate.day >= blockStart + blockSize || blockNode < 0 {
                    blockStart = candidate.day
                    blockNode = layout.newNode()
                    pending.append((communeNode, blockNode, 1, 0, nil))
                }
                pending.append((blockNode, layout.evening(evening, tour: candidate.tour, into: &pending), 1, candidate.cost, i))
            }
            index = end
        }
        var flow = MinCostFlow(nodes: layout.count)
        for arc in pending {
            let id = flow.addArc(from: arc.from, to: arc.to, capacity: arc.capacity, cost: arc.cost)
            if let candidate = arc.candidate { arcs.append((id, candidate)) }
        }
        let result = flow.solve(source: FlowLayout.source, sink: FlowLayout.sink)
        let chosen = fixed + arcs.filter { flow.flow(on: $0.arc) > 0 }.map(\.candidate)
        let empty = assignment.tourCapacity.reduce(0, +) - chosen.count
        return Relaxed(key: Key(empty: empty, cost: fixedCost + result.cost), chosen: chosen)
    }

    private struct EveningKey: Hashable {
        let vehicle: Int
        let day: Int
    }

    /// Node numbers of the flow network: the source, the sink, the tours, then communes,
    /// blocks and evenings as they come.
    private struct FlowLayout {
        static let source = 0
        static let sink = 1
        private(set) var count: Int
        private var evenings: [EveningKey: Int] = [:]

        init(tours: Int) { count = 2 + tours }

        func tour(_ t: Int) -> Int { 2 + t }

        mutating func newNode() -> Int {
            count += 1
            return count - 1
        }

        /// The evening's node, created with its arc into its tour the first time.
        mutating func evening(
            _ key: EveningKey, tour: Int, into pending: inout [(from: Int, to: Int, capacity: Int, cost: Double, candidate: Int?)]
        ) -> Int {
            if let node = evenings[key] { return node }
            let node = newNode()
            evenings[key] = node
            pending.append((node, self.tour(tour), 1, 0, nil))
            return node
        }
    }
}
