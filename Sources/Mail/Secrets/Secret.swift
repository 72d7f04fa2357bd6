/// A password or token that never prints: `description`, `debugDescription` and reflection are redacted.
public struct Secret: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The value, for the transport that must send it; never log it.
    let revealed: String

    /// Wraps a secret obtained elsewhere (prefer `SecretFile`).
    public init(_ value: String) {
        self.revealed = value
    }

    /// Always `<secret>`.
    public var description: String { "<secret>" }
    /// Always `<secret>`.
    public var debugDescription: String { "<secret>" }
    /// A mirror without children, so `dump` shows nothing either.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
