import Foundation
import Mail
import TextFormats

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
    /// The HTTP server of the mairies' links, when configured.
    public var http: HTTPSettings?
    /// Whether every message waits for a planner's approval before it leaves
    /// (`"approval": "required"`; `"none"`, the default, sends them at their time).
    public var approvalRequired = false

    private static let keys = [
        "database", "transport", "passwordFile", "passwordEnvironment", "smtpClientName",
        "smtpTimeoutSeconds", "from", "replyTo", "staff", "planners", "eveningContact", "signature", "organiser",
        "messageIDDomain", "reminders", "templates", "tickSeconds", "pollSeconds", "retry", "logLevel",
        "http", "approval",
    ]

    /// Loads `path` and the policy and templates it names; the first fault is the refusal (the
    /// daemon's settings are read in `.stopAtFirst` mode). O(size of the files).
    public static func load(path: String) throws(ConfigurationError) -> DaemonConfiguration {
        let root = try ConfigurationFile.root(path: path)
        let log = IssueLog(mode: .stopAtFirst)
        let settings = DaemonSettings.read(root, file: path, log: log)
        if let error = ConfigurationError(log) { throw error }
        guard let settings else { fatalError("settings refused without an error logged") }
        let policy = try ReminderPolicy.load(path: settings.remindersPath)
        let templates = try TemplateSet.load(folder: settings.templatesFolder, for: policy, policyFile: settings.remindersPath)
        let groups: [(RecipientGroup, [MailAddress], String, String)] = [
            (.staff, settings.identity.staff, "staff", "à l'équipe (staff)"),
            (.planner, settings.identity.planners, "planners", "aux planificateurs (planner)"),
        ]
        for (group, addresses, key, whom) in groups
        where addresses.isEmpty && policy.rules.contains(where: { $0.recipients.contains(group) }) {
            throw .invalid(
                file: path, line: root.line, key: key,
                expected:
                    "liste vide ou absente alors que des règles de \(settings.remindersPath) écrivent \(whom) ; attendu au moins une adresse {\"address\", \"name\"}"
            )
        }
        if settings.identity.organiser == nil,
            let rule = policy.rules.first(where: {
                templates.template(named: $0.template)?.placeholders.contains(where: \.needsOrganiser) ?? false
            })
        {
            throw .invalid(
                file: path, line: root.line, key: "organiser",
                expected:
                    "un objet {\"name\", \"phone\", \"address\"} : le modèle « \(rule.template) » nomme l'organisateur")
        }
        var identity = settings.identity
        identity.pagesAddress = settings.http?.baseURL
        return DaemonConfiguration(
            file: path, database: settings.database, transport: settings.transport, passwordFile: settings.passwordFile,
            passwordEnvironment: settings.passwordEnvironment, clientName: settings.clientName,
            smtpTimeoutSeconds: settings.smtpTimeoutSeconds, identity: identity, policy: policy, templates: templates,
            tickSeconds: settings.tickSeconds, pollSeconds: settings.pollSeconds, retry: settings.retry, logLevel: settings.logLevel,
            http: settings.http, approvalRequired: settings.approvalRequired)
    }

    /// The configured transport (or `override`), with its password read from the file or the
    /// environment; never logged.
    public func makeTransport(
        override: TransportURL?, environment: [String: String],
        now: @escaping @Sendable () -> Date
    ) throws -> any MailTransport {
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
        return try url.makeTransport(
            password: password, clientName: clientName,
            timeouts: SMTPTimeouts(connect: timeout, command: timeout, dataTermination: timeout * 2),
            now: now)
    }

    /// The keys of `tourneed.json` itself, before the files it names are read.
    private struct DaemonSettings {
        var database: String
        var transport: TransportURL
        var passwordFile: String?
        var passwordEnvironment: String?
        var clientName: String
        var smtpTimeoutSeconds: Int
        var identity: MailIdentity
        var remindersPath: String
        var templatesFolder: String
        var tickSeconds: Int
        var pollSeconds: Int
        var retry: RetryPolicy
        var logLevel: LogLevel
        var http: HTTPSettings?
        var approvalRequired: Bool

        /// Every key read in turn; nil once the log holds an error.
        static func read(_ root: JSONValue.Located, file: String, log: IssueLog) -> DaemonSettings? {
            guard let reader = JSONObjectReader(root, file: file, path: "", log: log) else { return nil }
            reader.rejectUnknownKeys(keys)
            let folder = (file as NSString).deletingLastPathComponent
            func resolve(_ relative: String) -> String {
                relative.hasPrefix("/") || folder.isEmpty ? relative : (folder as NSString).appendingPathComponent(relative)
            }
            guard let database = DatabaseSetting.read(reader, resolve: resolve),
                reader.requirePresent("transport", expecting: "smtp://hôte:port, sendmail:/chemin ou maildir:/chemin"),
                let transport = readTransport(reader),
                let identity = readIdentity(reader),
                let retry = readRetry(reader),
                let logLevel = reader.text(
                    "logLevel", expecting: "error, warning, info ou debug", { word in LogLevel.allCases.first { $0.name == word } })
                    ?? (log.isStopped ? nil : .info)
            else { return nil }
            let settings = DaemonSettings(
                database: database, transport: transport,
                passwordFile: reader.filePath("passwordFile", required: false).map(resolve),
                passwordEnvironment: reader.string("passwordEnvironment", required: false),
                clientName: oneLine(reader, "smtpClientName") ?? "localhost",
                smtpTimeoutSeconds: reader.integer("smtpTimeoutSeconds", required: false, range: 1...600) ?? 30,
                identity: identity,
                remindersPath: resolve(reader.filePath("reminders", required: false) ?? "reminders.json"),
                templatesFolder: resolve(reader.filePath("templates", required: false) ?? "templates"),
                tickSeconds: reader.integer("tickSeconds", required: false, range: 1...86_400) ?? 60,
                pollSeconds: reader.integer("pollSeconds", required: false, range: 1...3_600) ?? 2,
                retry: retry, logLevel: logLevel, http: HTTPSettings.read(reader, resolve: resolve),
                approvalRequired: reader.text(
                    "approval", expecting: "required (un planificateur approuve chaque message) ou none",
                    { ["required": true, "none": false][$0] }) ?? false)
            return log.hasErrors ? nil : settings
        }

        private static func readTransport(_ reader: JSONObjectReader) -> TransportURL? {
            guard let text = reader.string("transport"), let located = reader.value("transport", required: false) else { return nil }
            do {
                return try TransportURL(parsing: text)
            } catch {
                reader.log.error(reader.file, line: located.line, key: reader.keyPath("transport"), error.description)
                return nil
            }
        }

        private static func readIdentity(_ reader: JSONObjectReader) -> MailIdentity? {
            guard reader.requirePresent("from", expecting: "un objet {\"address\", \"name\"}"),
                let from = reader.object("from").flatMap(readAddress)
            else { return nil }
            let replyTo = readAddresses(reader, "replyTo")
            let staff = readAddresses(reader, "staff")
            let planners = readAddresses(reader, "planners")
            guard reader.requirePresent("eveningContact", expecting: "qui appeler le soir (nom, téléphone)"),
                let contact = oneLine(reader, "eveningContact"),
                reader.requirePresent("signature", expecting: "la formule de fin des messages"),
                let signature = reader.string("signature"),
                reader.requirePresent("messageIDDomain", expecting: "un nom de domaine pour les Message-ID"),
                let domain = reader.text(
                    "messageIDDomain",
                    expecting:
                        "un nom de domaine (lettres ASCII, chiffres et tirets, parties séparées par un point, ex. guinguette.example.org)",
                    { DomainName.problem($0[...]) == nil ? $0 : nil }),
                let replyTo, let staff, let planners
            else { return nil }
            var organiser: MailIdentity.Organiser?
            if reader.value("organiser", required: false) != nil {
                guard let object = reader.object("organiser") else { return nil }
                object.rejectUnknownKeys(["name", "phone", "address"])
                let present = ["name", "phone", "address"].allSatisfy { object.requirePresent($0, expecting: "un texte sur une ligne") }
                guard present, let name = oneLine(object, "name"), let phone = oneLine(object, "phone"),
                    let address = oneLine(object, "address")
                else { return nil }
                organiser = MailIdentity.Organiser(name: name, phone: phone, address: address)
            }
            return MailIdentity(
                from: from, replyTo: replyTo, staff: staff, planners: planners, eveningContact: contact,
                signature: signature, messageIDDomain: domain, organiser: organiser)
        }

        private static func readAddresses(_ reader: JSONObjectReader, _ key: String) -> [MailAddress]? {
            guard let items = reader.array(key, required: false) else { return reader.log.isStopped ? nil : [] }
            var addresses: [MailAddress] = []
            for item in items {
                guard let object = JSONObjectReader(item.value, file: reader.file, path: item.path, log: reader.log),
                    let address = readAddress(object)
                else { return nil }
                addresses.append(address)
            }
            return addresses
        }

        private static func readAddress(_ reader: JSONObjectReader) -> MailAddress? {
            reader.rejectUnknownKeys(["address", "name"])
            guard reader.requirePresent("address", expecting: "une adresse e-mail"),
                let text = reader.string("address"), let located = reader.value("address", required: false)
            else { return nil }
            let name = reader.string("name", required: false)
            guard !reader.log.isStopped else { return nil }
            do {
                return try MailAddress(text, displayName: name)
            } catch {
                reader.log.error(reader.file, line: located.line, key: reader.keyPath("address"), "adresse refusée : \(error)")
                return nil
            }
        }

        private static func readRetry(_ reader: JSONObjectReader) -> RetryPolicy? {
            var retry = RetryPolicy(maxAttempts: 8, initialDelay: 60, maxDelay: 3_600, jitter: 0.2, seed: 1)
            guard reader.value("retry", required: false) != nil else { return retry }
            guard let object = reader.object("retry") else { return nil }
            object.rejectUnknownKeys(["maxAttempts", "initialSeconds", "maxSeconds", "jitter", "seed"])
            if let value = object.integer("maxAttempts", required: false, range: 1...100) { retry.maxAttempts = value }
            if let value = object.integer("initialSeconds", required: false, range: 1...86_400) { retry.initialDelay = Int64(value) }
            if let value = object.integer("maxSeconds", required: false, range: 1...604_800) { retry.maxDelay = Int64(value) }
            if let value = object.number("jitter", required: false, range: 0...1) { retry.jitter = value }
            if let value = object.integer("seed", required: false, range: 0...Int.max) { retry.seed = UInt64(value) }
            return reader.log.isStopped ? nil : retry
        }

        /// A non-empty text without control characters (it goes into a header or an EHLO line).
        private static func oneLine(_ reader: JSONObjectReader, _ key: String) -> String? {
            reader.text(key, expecting: "un texte non vide sur une ligne") { text in
                !text.isEmpty && !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) ? text : nil
            }
        }
    }
}
