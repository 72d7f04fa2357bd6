/// How long a session lasts and how many wrong passwords are tolerated.
///
/// The idle limit covers an evening: staff sign in before the set-up and record after 23:00
/// without signing in again; the absolute limit makes a lost phone's session end within the week
/// even if it is used. Five failures in a quarter of an hour per account stops guessing (≤ 480
/// guesses a day) without locking out someone who mistypes; twenty per address lets a mairie's
/// shared connection sign several people in.
public struct SessionPolicy: Equatable, Sendable {
    /// Seconds without a request after which a session ends.
    public var idleSeconds: Int64 = 8 * 3600
    /// Seconds after sign-in after which a session ends however it is used.
    public var absoluteSeconds: Int64 = 7 * 24 * 3600
    /// The window failures are counted in, in seconds.
    public var failureWindowSeconds: Int64 = 15 * 60
    /// Failures of one account within the window after which its sign-ins wait.
    public var failuresPerAccount = 5
    /// Failures from one address within the window after which its sign-ins wait.
    public var failuresPerAddress = 20

    /// The defaults above.
    public init() {}
}
