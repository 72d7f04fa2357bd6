import Routing

/// How the dispatcher retries: exponential backoff with jitter (seeded), parking after a number of
/// attempts.
public struct RetryPolicy: Equatable, Sendable {
    /// Attempts before a message is parked (a claim counts as one).
    public var maxAttempts: Int
    /// Delay after the first failure, in seconds.
    public var initialDelay: Int64
    /// Upper bound of a delay, in seconds.
    public var maxDelay: Int64
    /// Jitter as a fraction of the delay added at random (0.2: up to 20 % more).
    public var jitter: Double
    /// Seed of the jitter, so a run can be replayed.
    public var seed: UInt64

    /// Makes a policy.
    public init(maxAttempts: Int, initialDelay: Int64, maxDelay: Int64, jitter: Double, seed: UInt64) {
        self.maxAttempts = maxAttempts
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.jitter = jitter
        self.seed = seed
    }

    /// The delay before attempt `failures + 1` after `failures` consecutive failures (≥ 1):
    /// `min(maxDelay, initialDelay · 2^(failures−1))` plus up to `jitter` of it, drawn from a
    /// SplitMix64 seeded with the seed, `salt` (e.g. the message id) and `failures`, so the same
    /// message and failure count always wait the same time while different messages spread out.
    public func delay(afterFailures failures: Int, salt: Int64) -> Int64 {
        let exponent = min(max(failures - 1, 0), 40)
        let base = min(
            maxDelay, initialDelay.multipliedReportingOverflow(by: Int64(1) << exponent).overflow ? maxDelay : initialDelay << exponent)
        var generator = SplitMix64(seed: seed ^ (UInt64(bitPattern: salt) &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(failures))
        let unit = Double(generator.next() >> 11) * 0x1.0p-53
        return base + Int64((Double(base) * jitter * unit).rounded(.down))
    }
}
