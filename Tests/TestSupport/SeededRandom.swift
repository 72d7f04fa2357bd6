/// A seeded pseudo-random generator for tests (wyrand, Wang Yi 2019): same seed, same sequence on every platform.
///
/// Tests need their own generator because TestSupport depends on no project library; one generator here keeps
/// every test target drawing from the same, documented sequence.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Makes a generator; two generators with the same seed give the same values.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0xA076_1D64_78BD_642F
        let product = state.multipliedFullWidth(by: state ^ 0xE703_7ED1_A0B4_28DB)
        return product.high ^ product.low
    }

    /// A uniform integer in `0..<bound` (bound > 0), computed here so results never depend on the standard library.
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "SeededRandom.below needs a positive bound")
        return Int(next() % UInt64(bound))
    }

    /// True with probability `1 / n`.
    public mutating func oneIn(_ n: Int) -> Bool { below(n) == 0 }
}
