/// A command line parsed against an `ArgumentSpec`.
public struct ParsedArguments: Sendable {
    /// Positional arguments in order.
    public var positionals: [String] = []
    /// Option values by name, in order given.
    public var options: [String: [String]] = [:]
    /// Flags given.
    public var flags: Set<String> = []

    /// The last value of an option.
    public func value(_ name: String) -> String? { options[name]?.last }

    /// Whether a flag was given.
    public func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// An option's value as an integer in a range, or a usage error naming the option.
    public func integer(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError("--\(name) : entier entre \(range.lowerBound) et \(range.upperBound) attendu, trouvé « \(text) »")
        }
        return number
    }

    /// An option's value as a number in a range, or a usage error naming the option.
    public func number(_ name: String, in range: ClosedRange<Double>) throws(UsageError) -> Double? {
        guard let text = value(name) else { return nil }
        guard let number = Double(text), range.contains(number) else {
            throw UsageError("--\(name) : nombre entre \(range.lowerBound) et \(range.upperBound) attendu, trouvé « \(text) »")
        }
        return number
    }
}
