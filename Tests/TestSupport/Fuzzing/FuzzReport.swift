import Foundation

/// What a fuzz run did: how many inputs, and the slowest one, to quote or to replay.
public struct FuzzReport: Sendable, CustomStringConvertible {
    /// The run's name (usually the reader's).
    public let name: String
    /// The number of inputs the body was called on.
    public let inputsTried: Int
    /// The run seed.
    public let runSeed: UInt64
    /// The body's longest time on one input, in seconds.
    public let slowestSeconds: Double
    /// The case number of that input.
    public let slowestCase: Int
    /// Its size in bytes.
    public let slowestSize: Int
    /// Total time of the run, in seconds.
    public let totalSeconds: Double

    /// One line, the format `Benchmarks/fuzz.sh` reads: `fuzz NAME: inputs N, crashes 0, slowest S s (case K, seed X, B bytes), total T s`.
    public var description: String {
        let slowest = String(format: "%.4f", slowestSeconds)
        let total = String(format: "%.1f", totalSeconds)
        return "fuzz \(name): inputs \(inputsTried), crashes 0, slowest \(slowest) s "
            + "(case \(slowestCase), seed \(runSeed), \(slowestSize) bytes), total \(total) s"
    }
}
