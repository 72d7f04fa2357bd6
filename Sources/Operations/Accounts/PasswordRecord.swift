import Cryptography
import Foundation

/// How a password is kept: PBKDF2-HMAC-SHA-256 with a salt of its own, written
/// `pbkdf2-sha256$ITERATIONS$SALT$HASH` (salt and hash in base64). The cost travels with the
/// record, so raising `defaultIterations` later leaves older records readable.
public struct PasswordRecord: Equatable, Sendable {
    /// The OWASP password storage cheat sheet's figure for PBKDF2-HMAC-SHA-256 (2023): about
    /// 0.6 s on this project's machine for one sign-in, negligible for a few dozen people, and
    /// ~10⁴ times the cost of one guess at a plain SHA-256.
    public static let defaultIterations = 600_000
    /// Below this, a stored record is refused as not ours (no code writes one).
    static let minimumIterations = 100_000
    /// Above this, a record would make one sign-in take minutes: refused rather than run.
    static let maximumIterations = 10_000_000
    private static let scheme = "pbkdf2-sha256"
    private static let saltByteCount = 16
    private static let hashByteCount = 32

    /// PBKDF2 rounds.
    public let iterations: Int
    /// The salt, random per password.
    public let salt: [UInt8]
    /// The derived key.
    public let hash: [UInt8]

    /// A record of `password` with a new random salt.
    public static func make(password: String, iterations: Int = defaultIterations) throws -> PasswordRecord {
        let salt = try SecureRandom.bytes(saltByteCount)
        return PasswordRecord(
            iterations: iterations, salt: salt,
            hash: try PBKDF2.sha256(password: Array(password.utf8), salt: salt, iterations: iterations, keyByteCount: hashByteCount))
    }

    /// The record written in `text`, nil when it is not one this code writes.
    public init?(encoded text: String) {
        let parts = text.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == Self.scheme, let iterations = Int(parts[1]),
            (Self.minimumIterations...Self.maximumIterations).contains(iterations),
            let salt = Data(base64Encoded: String(parts[2])), salt.count >= Self.saltByteCount,
            let hash = Data(base64Encoded: String(parts[3])), hash.count == Self.hashByteCount
        else { return nil }
        self.init(iterations: iterations, salt: Array(salt), hash: Array(hash))
    }

    private init(iterations: Int, salt: [UInt8], hash: [UInt8]) {
        self.iterations = iterations
        self.salt = salt
        self.hash = hash
    }

    /// The text stored in the database.
    public var encoded: String {
        [Self.scheme, String(iterations), Data(salt).base64EncodedString(), Data(hash).base64EncodedString()].joined(separator: "$")
    }

    /// Whether `password` is the one recorded; the comparison takes the same time wherever the
    /// hashes differ.
    public func matches(_ password: String) -> Bool {
        guard
            let derived = try? PBKDF2.sha256(
                password: Array(password.utf8), salt: salt, iterations: iterations, keyByteCount: hash.count)
        else { return false }
        return ConstantTime.equal(derived, hash)
    }

    /// Spends the time of one verification without a record: a sign-in under an unknown name
    /// takes as long as one with a wrong password, so timing does not tell which names exist.
    static func spendVerificationTime(_ password: String) {
        _ = try? PBKDF2.sha256(
            password: Array(password.utf8), salt: [UInt8](repeating: 0, count: saltByteCount), iterations: defaultIterations,
            keyByteCount: hashByteCount)
    }
}
