/// Swap (1-1 exchange): exchanges job `u` with job `v` of another route; the cross-exchange of
/// two segments of length one.
struct Swap: Move {
    private let exchange = CrossExchange(firstLength: 1, secondLength: 1)

    func improve(_ s: SearchState, _ u: Int, _ v: Int) -> Bool { exchange.improve(s, u, v) }
}
