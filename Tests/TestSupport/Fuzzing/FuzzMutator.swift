/// Builds the input of any case of a run from the seed inputs alone, so one case can be replayed without the others.
public struct FuzzMutator: Sendable {
    /// The inputs mutations start from (usually real files).
    public let seeds: [[UInt8]]
    /// The run seed.
    public let runSeed: UInt64
    /// No input grows beyond this many bytes.
    public let maximumSize: Int
    /// At most this many mutations are stacked on one case.
    public let maximumMutations: Int

    /// Makes a mutator; `seeds` must not be empty (programmer error).
    public init(seeds: [[UInt8]], runSeed: UInt64, maximumSize: Int, maximumMutations: Int = 4) {
        precondition(!seeds.isEmpty, "FuzzMutator needs at least one seed input")
        self.seeds = seeds
        self.runSeed = runSeed
        self.maximumSize = maximumSize
        self.maximumMutations = maximumMutations
    }

    /// Case `number`: the seeds themselves first (the reader must accept its own corpus), then 1 to
    /// `maximumMutations` mutations of a seed chosen by the case's own generator.
    public func input(case number: Int) -> FuzzInput {
        if number < seeds.count {
            let bytes = Array(seeds[number].prefix(maximumSize))
            return FuzzInput(bytes: bytes, caseNumber: number, runSeed: runSeed, seedIndex: number, mutations: [])
        }
        // Each case seeds its own generator: replaying case N needs neither cases 0..<N nor their order.
        var random = SeededRandom(seed: runSeed ^ (UInt64(number) &* 0x9FB2_1C65_1E98_DF25))
        let seedIndex = random.below(seeds.count)
        var bytes = Array(seeds[seedIndex].prefix(maximumSize))
        var applied: [FuzzMutation] = []
        for _ in 0..<(1 + random.below(maximumMutations)) {
            let mutation = FuzzMutation.allCases[random.below(FuzzMutation.allCases.count)]
            let other = seeds[random.below(seeds.count)]
            mutation.apply(to: &bytes, other: other, maximumSize: maximumSize, using: &random)
            applied.append(mutation)
        }
        return FuzzInput(bytes: bytes, caseNumber: number, runSeed: runSeed, seedIndex: seedIndex, mutations: applied)
    }
}
