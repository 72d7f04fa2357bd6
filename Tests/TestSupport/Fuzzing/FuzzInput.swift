/// One input a fuzz run hands to its body, with what is needed to reproduce it.
public struct FuzzInput: Sendable {
    /// The bytes to feed the reader under test (possibly invalid UTF-8).
    public let bytes: [UInt8]
    /// The 0-based case number within the run; with the run seed it rebuilds these bytes.
    public let caseNumber: Int
    /// The seed of the run this input belongs to.
    public let runSeed: UInt64
    /// The index of the seed input these bytes were mutated from.
    public let seedIndex: Int
    /// The mutations applied, in order (empty for an unmutated seed).
    public let mutations: [FuzzMutation]

    /// Makes an input; `FuzzMutator` is the usual maker.
    public init(bytes: [UInt8], caseNumber: Int, runSeed: UInt64, seedIndex: Int, mutations: [FuzzMutation]) {
        self.bytes = bytes
        self.caseNumber = caseNumber
        self.runSeed = runSeed
        self.seedIndex = seedIndex
        self.mutations = mutations
    }

    /// The bytes as text, invalid UTF-8 replaced by U+FFFD (what a lenient caller would pass on).
    public var lossyText: String { String(decoding: bytes, as: UTF8.self) }

    /// The bytes as text, or nil when they are not valid UTF-8 (what a strict caller refuses first).
    public var strictText: String? { String(validating: bytes, as: UTF8.self) }

    /// `case N (seed S)`, the words to quote in a bug report.
    public var label: String { "case \(caseNumber) (seed \(runSeed), from seed input \(seedIndex))" }
}
