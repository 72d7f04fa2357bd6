/// What a password must be. Length is what makes a password hard to guess (NIST SP 800-63B);
/// composition rules ("one digit, one capital") are not asked. The upper bound only keeps a
/// pasted file out.
public enum PasswordRules {
    /// The fewest characters accepted.
    public static let minimumLength = 12
    /// The most bytes accepted.
    public static let maximumBytes = 1024

    /// The reason `password` is refused for account `name`, nil when it is accepted.
    public static func problem(_ password: String, name: String) -> String? {
        if password.count < minimumLength {
            return "\(password.count) caractère\(password.count > 1 ? "s" : "") ; attendu au moins \(minimumLength)"
        }
        if password.utf8.count > maximumBytes { return "plus de \(maximumBytes) octets" }
        if password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "il contient un caractère de contrôle (tabulation, retour à la ligne…)"
        }
        if password.lowercased().contains(name.lowercased()) { return "il contient le nom du compte" }
        if Set(password).count < 4 { return "trop peu de caractères différents" }
        return nil
    }
}
