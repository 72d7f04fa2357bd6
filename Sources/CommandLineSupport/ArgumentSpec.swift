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
    public init(
        options: [Option] = [], flags: [String] = [], positionals: [String] = [],
        minimumPositionals: Int? = nil, maximumPositionals: Int?? = nil
    ) {
        self.options = options
        self.flags = flags
        self.positionals = positionals
        self.minimumPositionals = minimumPositionals ?? positionals.count
        self.maximumPositionals = maximumPositionals ?? positionals.count
    }
}
