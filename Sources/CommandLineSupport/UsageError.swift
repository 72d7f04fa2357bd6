/// A mistake on the command line; the message says what was expected.
public struct UsageError: Error, Equatable, Sendable {
    /// The explanation, in French.
    public let message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }
}
