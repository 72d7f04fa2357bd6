/// Or-opt (Or 1976): relocation of a chain of two or three consecutive jobs, kept in order or
/// reversed, next to a granular neighbour.
struct OrOpt: Move {
    private let variants = [
        Relocate(length: 2), Relocate(length: 2, reversed: true),
        Relocate(length: 3), Relocate(length: 3, reversed: true),
    ]

    func improve(_ s: SearchState, _ u: Int, _ v: Int) -> Bool {
        variants.contains { $0.improve(s, u, v) }
    }
}
