import Foundation
import Mail

/// The daemon's settings from `config/tourneed.json`, with the reminder policy and templates it
/// names, all checked together: a reload either takes all of it or none.
public struct DaemonConfiguration: Sendable {
    /// The configuration file, as given.
    public var file: String
    /// The SQLite database (shared with the CLI's `--config`), resolved against the file's folder.
    public var database: String
    /// Where messages go.
    public var transport: TransportURL
    /// The SMTP password's source: a file (mode 600) or an environment variable; never the URL.
    public var passwordFile: String?
    /// The name of the environment variable holding the SMTP password.
    public var passwordEnvironment: String?
    /// The EHLO name.
    public var clientName: String
    /// Connection and command timeout for SMTP.
    public var smtpTimeoutSeconds: Int
    /// Sender, reply-to, staff, contacts and signature.
    public var identity: MailIdentity
    /// The reminder rules.
    public var policy: ReminderPolicy
    /// Their templates.
    public var templates: TemplateSet
    /// Seconds between ticks.
    public var tickSeconds: Int
    /// Seconds between checks for database changes (a change ticks at once).
    public var pollSeconds: Int
    /// Retry and parking.
    public var retry: RetryPolicy
    /// Log threshold.
    public var logLevel: LogLevel

    private static let keys = ["database", "transport", "passwordFile", "passwordEnvironment", "smtpClientName",
                               "smtpTimeoutSeconds", "from", "replyTo", "staff", "eveningContact", "signature",
                               "messageIDDomain", "reminders", "templates", "tickSeconds", "pollSeconds", "retry", "logLevel"]

    /// Loads `path` and the policy and templates it names. O(size of the files).
    public static func load(path: String) throws(ConfigurationError) -> DaemonConfiguration {
        let root = try ConfigNode.load(path: path)
        let object = try root.object(allowed: keys)
        let folder = (path as NSString).deletingLastPathComponent
        func resolve(_ relative: String) -> String {
            relative.hasPrefix("/") || folder.isEmpty ? relative : (folder as NSString).appendingPathComponent(relative)
        }
        let database = resolve(try object.required("database", "le chemin de la base SQLite").string())
        let transportNode = try object.required("transport", "smtp://hôte:port, sendmail:/chemin ou maildir:/chemin")
        let transportText = try transportNode.string()
        let transport: TransportURL
        do {
            transport = try TransportURL(parsing: transportText)
        } catch {
            throw transportNode.error(error.description)
        }
        let identity = MailIdentity(
            from: try address(try object.required("from", "un objet {\"address\", \"name\"}")),
            replyTo: try (object.optional("replyTo")?.array() ?? []).map { node throws(ConfigurationError) in try address(node) },
            staff: try (object.optional("staff")?.array() ?? []).map { node throws(ConfigurationError) in try address(node) },
            eveningContact: try oneLine(try object.required("eveningContact", "qui appeler le soir (nom, téléphone)")),
            signature: try object.required("signature", "la formule de fin des messages").string(),
            messageIDDomain: try oneLine(try object.required("messageIDDomain", "un nom de domaine pour les Message-ID")))
        let remindersPath = resolve(try object.optional("reminders")?.string() ?? "reminders.json")
        let policy = try ReminderPolicy.load(path: remindersPath)
        let templates = try TemplateSet.load(folder: resolve(try object.optional("templates")?.string() ?? "templates"),
                                             for: policy, policyFile: remindersPath)
        var retry = RetryPolicy(maxAttempts: 8, initialDelay: 60, maxDelay: 3_600, jitter: 0.2, seed: 1)
        if let retryNode = object.optional("retry") {
            let retryObject = try retryNode.object(allowed: ["maxAttempts", "initialSeconds", "maxSeconds", "jitter", "seed"])
            if let node = retryObject.optional("maxAttempts") { retry.maxAttempts = try node.int(in: 1...100) }
            if let node = retryObject.optional("initialSeconds") { retry.initialDelay = Int64(try node.int(in: 1...86_400)) }
            if let node = retryObject.optional("maxSeconds") { retry.maxDelay = Int64(try node.int(in: 1...604_800)) }
            if let node = retryObject.optional("jitter") { retry.jitter = try node.double(in: 0...1) }
            if let node = retryObject.optional("seed") { retry.seed = UInt64(try node.int(in: 0...Int.max)) }
        }
        var logLevel = LogLevel.info
        if let node = object.optional("logLevel") {
            let text = try node.string()
            guard let level = LogLevel.allCases.first(where: { $0.name == text }) else {
                throw node.error("attendu error, warning, info ou debug, trouvé « \(text) »")
            }
            logLevel = level
        }
        if identity.staff.isEmpty, policy.rules.contains(where: { $0.recipients.contains(.staff) }) {
            throw root.error("« staff » est vide alors que des règles écrivent à l'équipe (staff)")
        }
        return DaemonConfiguration(
            file: path, database: database, transport: transport,
            passwordFile: try object.optional("passwordFile").map { node throws(ConfigurationError) in resolve(try node.string()) },
            passwordEnvironment: try object.optional("passwordEnvironment")?.string(),
            clientName: try object.optional("smtpClientName").map { node throws(ConfigurationError) in try oneLine(node) } ?? "localhost",
            smtpTimeoutSeconds: try object.optional("smtpTimeoutSeconds")?.int(in: 1...600) ?? 30,
            identity: identity, policy: policy, templates: templates,
            tickSeconds: try object.optional("tickSeconds")?.int(in: 1...86_400) ?? 60,
            pollSeconds: try object.optional("pollSeconds")?.int(in: 1...3_600) ?? 2,
            retry: retry, logLevel: logLevel)
    }

    /// The configured transport (or `override`), with its password read from the file or the
    /// environment; never logged.
    public func makeTransport(override: TransportURL?, environment: [String: String],
                              now: @escaping @Sendable () -> Date) throws -> any MailTransport {
        let url = override ?? transport
        var password: Secret?
        if case .smtp(_, _, _?) = url {
            if let passwordFile {
                password = try SecretFile.read(path: passwordFile)
            } else if let passwordEnvironment {
                password = try SecretFile.fromEnvironment(passwordEnvironment, in: environment)
            }
        }
        let timeout = Duration.seconds(smtpTimeoutSeconds)
        return try url.makeTransport(password: password, clientName: clientName,
                                     timeouts: SMTPTimeouts(connect: timeout, command: timeout, dataTermination: timeout * 2),
                                     now: now)
    }

    private static func address(_ node: ConfigNode) throws(ConfigurationError) -> MailAddress {
        let object = try node.object(allowed: ["address", "name"])
        let addressNode = try object.required("address", "une adresse e-mail")
        do {
            return try MailAddress(try addressNode.string(), displayName: try object.optional("name")?.string())
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw addressNode.error("adresse refusée : \(error)")
        }
    }

    private static func oneLine(_ node: ConfigNode) throws(ConfigurationError) -> String {
        let text = try node.string()
        guard !text.isEmpty, !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw node.error("attendu un texte non vide sur une ligne")
        }
        return text
    }
}
