/// A fuzz body rejected an input: the case to replay and what went wrong.
public struct FuzzFailure: Error, CustomStringConvertible {
    /// The run's name.
    public let name: String
    /// The input that failed.
    public let input: FuzzInput
    /// What the body threw.
    public let underlying: any Error

    /// The failure with the environment that replays it alone.
    public var description: String {
        let mutations = input.mutations.map(\.rawValue).joined(separator: ", ")
        let start = input.lossyText.prefix(300)
        return "fuzz \(name): \(input.label) failed: \(underlying)\n"
            + "  mutations: [\(mutations)], \(input.bytes.count) bytes, starting: \(start.debugDescription)\n"
            + "  replay: TOURNEE_FUZZ_SEED=\(input.runSeed) TOURNEE_FUZZ_CASE=\(input.caseNumber) swift test --filter <this test>"
    }
}
