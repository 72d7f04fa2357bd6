import Foundation

/// Which transport to use, as written in the configuration or `--transport`:
/// `smtp://[user@]host[:port]`, `sendmail:/usr/sbin/sendmail`, `maildir:/path`.
public enum TransportURL: Hashable, Sendable, CustomStringConvertible {
    /// A plain SMTP relay; the password, if any, comes from a secret file or the environment.
    case smtp(host: String, port: Int, username: String?)
    /// A sendmail-compatible program, by absolute path.
    case sendmail(program: String)
    /// A maildir folder, for dry runs.
    case maildir(directory: String)

    /// Parses `text`; the errors say which form was expected. A password in the URL is refused without echoing it.
    public init(parsing text: String) throws(TransportURLError) {
        guard let colon = text.firstIndex(of: ":") else { throw .unknownScheme(text) }
        let scheme = text[..<colon].lowercased()
        var rest = text[text.index(after: colon)...]
        switch scheme {
        case "smtp":
            guard rest.hasPrefix("//") else { throw .invalidSMTP(text, reason: "il faut smtp://hôte:port") }
            rest = rest.dropFirst(2)
            if rest.hasSuffix("/") { rest = rest.dropLast() }
            self = try Self.parseSMTP(authority: rest, text: text)
        case "sendmail", "maildir":
            if rest.hasPrefix("//") { rest = rest.dropFirst(2) }
            guard !rest.isEmpty else { throw .missingPath(scheme: scheme) }
            if scheme == "sendmail" {
                guard rest.hasPrefix("/") else { throw .relativeProgram(String(rest)) }
                self = .sendmail(program: String(rest))
            } else {
                self = .maildir(directory: String(rest))
            }
        default:
            throw .unknownScheme(text)
        }
    }

    private static func parseSMTP(authority: Substring, text: String) throws(TransportURLError) -> TransportURL {
        var hostPort = authority
        var username: String?
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            guard !userInfo.contains(":") else { throw .passwordInURL }
            guard let decoded = String(userInfo).removingPercentEncoding, !decoded.isEmpty else {
                throw .invalidSMTP(text, reason: "utilisateur vide ou mal encodé")
            }
            username = decoded
            hostPort = authority[authority.index(after: at)...]
        }
        guard !hostPort.contains(where: { "/?#".contains($0) }) else {
            throw .invalidSMTP(text, reason: "ni chemin ni paramètres après l'hôte")
        }
        var host = hostPort
        var port = 25
        let portSeparator =
            hostPort.hasPrefix("[")
            ? hostPort.firstIndex(of: "]").flatMap { hostPort[$0...].firstIndex(of: ":") }
            : hostPort.lastIndex(of: ":")
        if let portSeparator {
            let digits = hostPort[hostPort.index(after: portSeparator)...]
            guard let number = Int(digits), (1...65535).contains(number), digits.allSatisfy(\.isASCII) else {
                throw .invalidSMTP(text, reason: "port \(String(digits).debugDescription) hors de 1…65535")
            }
            port = number
            host = hostPort[..<portSeparator]
        }
        let isBracketed = host.hasPrefix("[") && host.hasSuffix("]")
        if isBracketed { host = host.dropFirst().dropLast() }
        guard !host.isEmpty, isBracketed || !host.contains(":"),
            host.unicodeScalars.allSatisfy({
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-:".unicodeScalars.contains($0))
            })
        else { throw .invalidSMTP(text, reason: "hôte vide ou invalide") }
        return .smtp(host: String(host), port: port, username: username)
    }

    /// The URL in its canonical form (never with a password).
    public var description: String {
        switch self {
        case .smtp(let host, let port, let username):
            let user = username.map { ($0.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? $0) + "@" } ?? ""
            return "smtp://\(user)\(host.contains(":") ? "[\(host)]" : host):\(port)"
        case .sendmail(let program): return "sendmail:\(program)"
        case .maildir(let directory): return "maildir:\(directory)"
        }
    }

    /// The transport this URL names; SMTP with a user name needs `password`, which is refused without one.
    public func makeTransport(
        password: Secret?, clientName: String = "localhost", timeouts: SMTPTimeouts = .rfc5321,
        now: @escaping @Sendable () -> Date
    ) throws(TransportURLError) -> any MailTransport {
        switch self {
        case .smtp(let host, let port, let username):
            switch (username, password) {
            case (let username?, let password?):
                return SMTPTransport(
                    host: host, port: port, clientName: clientName,
                    credentials: SMTPCredentials(username: username, password: password), timeouts: timeouts)
            case (let username?, nil): throw .missingPassword(username: username)
            case (nil, _?): throw .passwordWithoutUsername
            case (nil, nil): return SMTPTransport(host: host, port: port, clientName: clientName, timeouts: timeouts)
            }
        case .sendmail(let program):
            return SendmailTransport(program: program)
        case .maildir(let directory):
            return MaildirTransport(directory: directory, now: now)
        }
    }
}

/// Why a transport URL was refused, with the forms that would be accepted.
public enum TransportURLError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Not smtp:, sendmail: or maildir:.
    case unknownScheme(String)
    /// A malformed smtp:// URL.
    case invalidSMTP(String, reason: String)
    /// `user:password@` in the URL: passwords come from a secret file or the environment only.
    case passwordInURL
    /// sendmail: or maildir: without a path.
    case missingPath(scheme: String)
    /// sendmail: with a relative program path.
    case relativeProgram(String)
    /// smtp://user@… but no password was provided.
    case missingPassword(username: String)
    /// A password was provided for an SMTP URL without user.
    case passwordWithoutUsername

    private static let forms =
        "formes admises : smtp://hôte:port, smtp://utilisateur@hôte:port, sendmail:/usr/sbin/sendmail, maildir:/chemin"

    /// A French explanation for the operator.
    public var description: String {
        switch self {
        case .unknownScheme(let text): return "transport inconnu \(text.debugDescription) ; \(Self.forms)"
        case .invalidSMTP(let text, let reason): return "URL SMTP invalide \(text.debugDescription) : \(reason) ; \(Self.forms)"
        case .passwordInURL:
            return
                "mot de passe interdit dans l'URL du transport : le mettre dans un fichier secret (mode 600) ou une variable d'environnement"
        case .missingPath(let scheme): return "\(scheme): sans chemin ; \(Self.forms)"
        case .relativeProgram(let path): return "sendmail: demande un chemin absolu, pas \(path.debugDescription)"
        case .missingPassword(let username):
            return "l'utilisateur SMTP \(username) n'a pas de mot de passe (fichier secret ou variable d'environnement)"
        case .passwordWithoutUsername: return "mot de passe SMTP fourni mais pas d'utilisateur dans l'URL (smtp://utilisateur@hôte:port)"
        }
    }
}
