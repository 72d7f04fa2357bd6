import CivilTime
import Planning
import SeasonVocabulary
import Store
import TextFormats

/// The reminder rules of `config/reminders.json`, checked as a whole (unique names, known
/// templates are checked by `TemplateSet`).
public struct ReminderPolicy: Equatable, Sendable {
    /// The rules, in file order.
    public var rules: [ReminderRule]

    /// Makes a policy; names must be unique.
    public init(rules: [ReminderRule]) {
        self.rules = rules
    }

    /// The rule with this name, if any. O(rules).
    public func rule(named name: String) -> ReminderRule? {
        rules.first { $0.name == name }
    }

    /// Loads and checks the policy file; every fault names the file, line, key and expectation,
    /// all of them in one refusal (a policy is edited by hand: fix them in one go). O(size of the file).
    public static func load(path: String) throws(ConfigurationError) -> ReminderPolicy {
        try parse(ConfigurationFile.root(path: path), file: path)
    }

    /// Checks the policy text `text`, the content of `file`.
    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> ReminderPolicy {
        try parse(ConfigurationFile.parse(text, file: file), file: file)
    }

    /// Checks a parsed policy document.
    public static func parse(_ root: JSONValue.Located, file: String) throws(ConfigurationError) -> ReminderPolicy {
        let log = IssueLog(mode: .collectAll)
        let rules = readRules(root, file: file, log: log)
        if let error = ConfigurationError(log) { throw error }
        guard let rules else { fatalError("a policy without rules was read without an error logged") }
        return ReminderPolicy(rules: rules)
    }

    private static let ruleKeys = [
        "name", "trigger", "days", "sendTime", "recipients", "template",
        "statuses", "requires", "licence", "until",
    ]

    /// The rules of the document, names unique; nil when anything was refused.
    private static func readRules(_ root: JSONValue.Located, file: String, log: IssueLog) -> [ReminderRule]? {
        guard let document = JSONObjectReader(root, file: file, path: "", log: log) else { return nil }
        document.rejectUnknownKeys(["rules"])
        guard document.requirePresent("rules", expecting: "une liste de règles"), let items = document.array("rules") else { return nil }
        guard !items.isEmpty else {
            log.error(file, line: document.value("rules", required: false)?.line, key: "rules", "liste vide ; au moins une règle attendue")
            return nil
        }
        var rules: [ReminderRule] = []
        var complete = true
        for item in items {
            guard let reader = JSONObjectReader(item.value, file: file, path: item.path, log: log),
                let rule = readRule(reader)
            else {
                complete = false
                continue
            }
            if rules.contains(where: { $0.name == rule.name }) {
                log.error(
                    file, line: item.value.line, key: item.path, "nom de règle « \(rule.name) » déjà utilisé : chaque règle a un nom unique"
                )
                complete = false
            }
            rules.append(rule)
        }
        return complete ? rules : nil
    }

    /// One rule, each of its parts read by its own step so that every fault of the rule is logged.
    private static func readRule(_ reader: JSONObjectReader) -> ReminderRule? {
        reader.rejectUnknownKeys(ruleKeys)
        let name = readName(reader)
        let trigger = readTrigger(reader)
        let sendTime = readSendTime(reader, trigger: trigger)
        let recipients = readRecipients(reader)
        let template = readTemplate(reader)
        let statuses = readStatuses(reader)
        let requirement = readRequirement(reader)
        let deadline = readDeadline(reader)
        let licence = readLicence(reader)
        guard let name, let trigger, let sendTime, let recipients, let template, let statuses, let requirement,
            let deadline, let licence
        else { return nil }
        return ReminderRule(
            name: name, trigger: trigger, sendTime: sendTime, recipients: recipients,
            template: template, statuses: statuses, requirement: requirement, deadline: deadline, licence: licence)
    }

    private static func readName(_ reader: JSONObjectReader) -> String? {
        let expected = "un nom de 1 à 40 caractères ASCII (lettres, chiffres, - + _)"
        guard reader.requirePresent("name", expecting: expected) else { return nil }
        return reader.text("name", expecting: expected) { name in
            let allowed =
                !name.isEmpty && name.utf8.count <= 40
                && name.unicodeScalars.allSatisfy {
                    $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "-+_".unicodeScalars.contains($0))
                }
            return allowed ? name : nil
        }
    }

    /// The trigger; `days` belongs to `evening` alone.
    private static func readTrigger(_ reader: JSONObjectReader) -> ReminderTrigger? {
        let expected = "evening, proposed, cancelled, moved, withdrawn, declined, answered ou unanswered"
        let words = ["evening", "proposed", "cancelled", "moved", "withdrawn", "declined", "answered", "unanswered"]
        guard reader.requirePresent("trigger", expecting: expected),
            let word = reader.text("trigger", expecting: expected, { words.contains($0) ? $0 : nil })
        else { return nil }
        switch word {
        case "evening":
            guard reader.requirePresent("days", expecting: "un nombre de jours par rapport à la soirée (ex. -7)"),
                let days = reader.integer("days", range: -366...366)
            else { return nil }
            return .evening(days: days)
        case "unanswered":
            guard reader.requirePresent("days", expecting: "un nombre de jours après la demande d'accord (ex. 10)"),
                let days = reader.integer("days", range: 1...90)
            else { return nil }
            return .unanswered(days: days)
        default:
            if let days = reader.value("days", required: false) {
                reader.log.error(
                    reader.file, line: days.line, key: reader.keyPath("days"), "« days » ne vaut que pour trigger = evening ou unanswered")
                return nil
            }
            let changes: [String: ReminderTrigger] = [
                "proposed": .proposed, "cancelled": .cancelled, "moved": .moved, "withdrawn": .withdrawn, "declined": .declined,
                "answered": .answered,
            ]
            return changes[word]
        }
    }

    /// The hour of sending, required for `evening`: `.some(nil)` when absent, nil when refused.
    private static func readSendTime(_ reader: JSONObjectReader, trigger: ReminderTrigger?) -> LocalTime?? {
        let expected = "une heure de Paris HH:MM"
        if case .evening = trigger, !reader.requirePresent("sendTime", expecting: expected + " pour trigger = evening") { return nil }
        guard reader.value("sendTime", required: false) != nil else { return .some(nil) }
        guard let time = reader.text("sendTime", expecting: expected, { $0.count == 5 ? LocalTime(text: $0) : nil }) else { return nil }
        return time
    }

    /// One group: a message is written either to the mairie or to the team, never to both in
    /// one `To:` (the mairie would read the team's addresses, the team a letter to the mairie).
    private static func readRecipients(_ reader: JSONObjectReader) -> [RecipientGroup]? {
        guard reader.requirePresent("recipients", expecting: "une liste parmi mairie, staff, planner"),
            let groups = reader.texts("recipients", expecting: "mairie, staff ou planner", { RecipientGroup(rawValue: $0) })
        else { return nil }
        let unique = groups.reduce(into: [RecipientGroup]()) { unique, group in if !unique.contains(group) { unique.append(group) } }
        guard unique.count == 1 else {
            reader.log.error(
                reader.file, line: reader.line, key: reader.keyPath("recipients"),
                unique.isEmpty
                    ? "liste vide ; un destinataire attendu (mairie, staff ou planner)"
                    : "\(unique.map(\.rawValue).joined(separator: " et ")) ensemble ; un message va à un seul groupe : écrivez une règle pour chacun"
            )
            return nil
        }
        return unique
    }

    private static func readTemplate(_ reader: JSONObjectReader) -> String? {
        guard reader.requirePresent("template", expecting: "un nom de modèle (fichier templates/NOM.txt)") else { return nil }
        return reader.text("template", expecting: "un nom de fichier sans chemin") { name in
            name.isEmpty || name.contains("/") || name.hasPrefix(".") ? nil : name
        }
    }

    private static func readStatuses(_ reader: JSONObjectReader) -> [EventStatus]? {
        let names = EventStatus.allCases.map(\.rawValue)
        guard reader.requirePresent("statuses", expecting: "une liste parmi " + names.joined(separator: ", ")),
            let statuses = reader.texts(
                "statuses", expecting: names.dropLast().joined(separator: ", ") + " ou " + (names.last ?? ""), { EventStatus(rawValue: $0) }
            )
        else { return nil }
        guard !statuses.isEmpty else {
            reader.log.error(reader.file, line: reader.line, key: reader.keyPath("statuses"), "liste vide ; au moins un statut attendu")
            return nil
        }
        return statuses
    }

    /// Whether a record is required: `.some(nil)` when absent, nil when refused.
    private static func readRequirement(_ reader: JSONObjectReader) -> RecordRequirement?? {
        guard reader.value("requires", required: false) != nil else { return .some(nil) }
        guard let requirement = reader.text("requires", expecting: "recorded ou notRecorded", { RecordRequirement(rawValue: $0) }) else {
            return nil
        }
        return requirement
    }

    /// Whether the licence must be granted: `.some(nil)` when absent, nil when refused.
    private static func readLicence(_ reader: JSONObjectReader) -> LicenceRequirement?? {
        guard reader.value("licence", required: false) != nil else { return .some(nil) }
        guard let licence = reader.text("licence", expecting: "granted ou notGranted", { LicenceRequirement(rawValue: $0) }) else {
            return nil
        }
        return licence
    }

    private static func readDeadline(_ reader: JSONObjectReader) -> ReminderDeadline? {
        guard reader.requirePresent("until", expecting: "une échéance : start, end, start-Nd ou end+Nd") else { return nil }
        return reader.text("until", expecting: "start, end, start-Nd ou end+Nd (N jours)") { ReminderDeadline(text: $0) }
    }
}
