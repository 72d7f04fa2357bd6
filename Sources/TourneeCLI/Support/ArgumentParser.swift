/// What a command accepts on its command line.
public struct ArgumentSpec: Sendable {
    /// An option that takes a value (`--seed 7` or `--seed=7`).
    public struct Option: Sendable {
        /// The long name without dashes ("seed").
        public let name: String
        /// Whether it may be given more than once.
        public let isRepeatable: Bool

        /// Creates an option.
        public init(_ name: String, repeatable: Bool = false) {
            self.name = name
            self.isRepeatable = repeatable
        }
    }

    /// Options taking values.
    public let options: [Option]
    /// Flags (`--all`).
    public let flags: [String]
    /// Names of the positional arguments, for messages ("SAISON").
    public let positionals: [String]
    /// How many positionals at least.
    public let minimumPositionals: Int
    /// How many positionals at most (nil: any number).
    public let maximumPositionals: Int?

    /// Creates a specification; by default every named positional is required.
    public init(options: [Option] = [], flags: [String] = [], positionals: [String] = [],
                minimumPositionals: Int? = nil, maximumPositionals: Int?? = nil) {
        self.options = options
        self.flags = flags
        self.positionals = positionals
        self.minimumPositionals = minimumPositionals ?? positionals.count
        self.maximumPositionals = maximumPositionals ?? positionals.count
    }
}

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

/// A mistake on the command line; the message says what was expected.
public struct UsageError: Error, Equatable, Sendable {
    /// The explanation, in French.
    public let message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }
}

/// Parses command-line words against a specification (GNU style: `--name value`, `--name=value`,
/// `--` ends options; a lone `-` is a positional).
public enum ArgumentParser {
    /// Parses `words` (without the program and command names).
    public static func parse(_ words: [String], spec: ArgumentSpec) throws(UsageError) -> ParsedArguments {
        var result = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < words.count {
            let word = words[index]
            index += 1
            guard !optionsEnded, word.hasPrefix("-"), word != "-" else {
                result.positionals.append(word)
                continue
            }
            if word == "--" { optionsEnded = true; continue }
            guard word.hasPrefix("--") else { throw UsageError("option inconnue « \(word) » (les options s'écrivent --nom)") }
            let body = word.dropFirst(2)
            let name = String(body.split(separator: "=", maxSplits: 1).first ?? "")
            let inlineValue = body.contains("=") ? String(body.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[1]) : nil
            if spec.flags.contains(name) {
                guard inlineValue == nil else { throw UsageError("--\(name) ne prend pas de valeur") }
                result.flags.insert(name)
            } else if let option = spec.options.first(where: { $0.name == name }) {
                let value: String
                if let inlineValue { value = inlineValue }
                else {
                    guard index < words.count else { throw UsageError("--\(name) attend une valeur") }
                    value = words[index]
                    index += 1
                }
                if !option.isRepeatable, result.options[name] != nil { throw UsageError("--\(name) donné deux fois") }
                result.options[name, default: []].append(value)
            } else {
                throw UsageError("option inconnue « --\(name) »")
            }
        }
        if result.positionals.count < spec.minimumPositionals {
            let missing = spec.positionals.dropFirst(result.positionals.count).first ?? "argument"
            throw UsageError("\(missing) manquant")
        }
        if let maximum = spec.maximumPositionals, result.positionals.count > maximum {
            throw UsageError("argument en trop « \(result.positionals[maximum]) »")
        }
        return result
    }
}
