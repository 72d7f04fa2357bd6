/// What every reader of outside input owes its user on any input, checked the same way by every
/// reader's fuzz suite: an answer within `slowestAllowed`, and a refusal that is a French sentence
/// naming the file, without Swift syntax or English words.
public enum ReaderFuzz {
    /// No input may take longer than this to read, in CPU time (the shipped seeds read in milliseconds).
    public static let slowestAllowed = 2.0

    /// Fragments a message must never show: Swift descriptions of optionals, tuples, errors and
    /// enum cases, and the English words of a message written for programmers.
    public static let leakedFragments = [
        "Optional(", "(line:", "(job:", "Error(", "Reason.", "expected", "found", "missing", "unsupported",
    ]

    /// Throws when `message` would not tell the person which file is wrong (it must start with
    /// `file`), or leaks Swift or English.
    public static func check(_ message: String, names file: String) throws(FuzzRefusal) {
        guard message.hasPrefix(file) else { throw FuzzRefusal("message without the file name « \(file) »: \(message)") }
        for fragment in leakedFragments where message.contains(fragment) {
            throw FuzzRefusal("message with « \(fragment) »: \(message)")
        }
    }

    /// Runs `body` over mutations of `seeds` (`Fuzzer.inputCount(default: defaultCount)` inputs) and
    /// throws when there is no seed or when one input took `slowestAllowed` or longer.
    @discardableResult
    public static func run(
        _ name: String, seeds: [[UInt8]], seed: UInt64, defaultCount: Int, maximumSize: Int, body: (FuzzInput) throws -> Void
    ) throws -> FuzzReport {
        guard !seeds.isEmpty else { throw FuzzRefusal("no seed input for \(name)") }
        let report = try Fuzzer.run(
            name: name, seeds: seeds, count: Fuzzer.inputCount(default: defaultCount), seed: seed, maximumSize: maximumSize,
            body: body)
        guard report.slowestSeconds < slowestAllowed else {
            throw FuzzRefusal("an input took \(report.slowestSeconds) s, over the \(slowestAllowed) s allowed: \(report)")
        }
        return report
    }
}

/// A reader's answer that shows a bug although it did not crash: a refusal that names no file or
/// leaks Swift, an accepted value that breaks an invariant, a run too slow.
public struct FuzzRefusal: Error, CustomStringConvertible {
    /// What is wrong, for the test log.
    public let description: String

    /// Makes a refusal saying `description`.
    public init(_ description: String) { self.description = description }
}
