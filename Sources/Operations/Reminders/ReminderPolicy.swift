import CivilTime
import Planning
import SeasonVocabulary
import Store

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

    /// Loads and checks the policy file; every error names the file, line, key and expectation.
    /// O(size of the file).
    public static func load(path: String) throws(ConfigurationError) -> ReminderPolicy {
        try parse(ConfigNode.load(path: path))
    }

    /// Checks a parsed policy document.
    public static func parse(_ root: ConfigNode) throws(ConfigurationError) -> ReminderPolicy {
        let document = try root.object(allowed: ["rules"])
        let ruleNodes = try document.required("rules", "une liste de règles").array()
        guard !ruleNodes.isEmpty else { throw root.error("« rules » est vide : au moins une règle") }
        var rules: [ReminderRule] = []
        for node in ruleNodes {
            let rule = try parseRule(node)
            if rules.contains(where: { $0.name == rule.name }) {
                throw node.error("nom de règle « \(rule.name) » déjà utilisé : chaque règle a un nom unique")
            }
            rules.append(rule)
        }
        return ReminderPolicy(rules: rules)
    }

    private static let ruleKeys = ["name", "trigger", "days", "sendTime", "recipients", "template",
                                   "statuses", "requires", "until"]

    private static func parseRule(_ node: ConfigNode) throws(ConfigurationError) -> ReminderRule {
        let object = try node.object(allowed: ruleKeys)
        let nameNode = try object.required("name", "un nom de règle (lettres, chiffres, - + _)")
        let name = try nameNode.string()
        guard !name.isEmpty, name.utf8.count <= 40,
              name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "-+_".unicodeScalars.contains($0)) }) else {
            throw nameNode.error("attendu un nom de 1 à 40 caractères ASCII (lettres, chiffres, - + _)")
        }
        let triggerNode = try object.required("trigger", "evening, proposed, cancelled ou moved")
        let trigger: ReminderTrigger
        switch try triggerNode.string() {
        case "evening":
            let days = try object.required("days", "un nombre de jours par rapport à la soirée (ex. -7)").int(in: -366...366)
            trigger = .evening(days: days)
        case "proposed": trigger = .proposed
        case "cancelled": trigger = .cancelled
        case "moved": trigger = .moved
        default: throw triggerNode.error("attendu evening, proposed, cancelled ou moved")
        }
        if case .evening = trigger {} else if let days = object.optional("days") {
            throw days.error("« days » ne vaut que pour trigger = evening")
        }
        var sendTime: LocalTime?
        if let timeNode = object.optional("sendTime") {
            let text = try timeNode.string()
            guard text.count == 5, let time = LocalTime(text: text) else {
                throw timeNode.error("attendu une heure de Paris HH:MM, trouvé « \(text) »")
            }
            sendTime = time
        } else if case .evening = trigger {
            _ = try object.required("sendTime", "une heure de Paris HH:MM pour trigger = evening")
        }
        let recipientNodes = try object.required("recipients", "une liste parmi mairie, staff").array()
        var recipients: [RecipientGroup] = []
        for recipientNode in recipientNodes {
            let text = try recipientNode.string()
            guard let group = RecipientGroup(rawValue: text) else {
                throw recipientNode.error("attendu mairie ou staff, trouvé « \(text) »")
            }
            if !recipients.contains(group) { recipients.append(group) }
        }
        guard !recipients.isEmpty else { throw object.node.error("« recipients » vide : au moins un destinataire") }
        let templateNode = try object.required("template", "un nom de modèle (fichier templates/NOM.txt)")
        let template = try templateNode.string()
        guard !template.isEmpty, !template.contains("/"), !template.hasPrefix(".") else {
            throw templateNode.error("attendu un nom de fichier sans chemin")
        }
        let statusNodes = try object.required("statuses", "une liste parmi proposed, confirmed, cancelled, done").array()
        var statuses: [EventStatus] = []
        for statusNode in statusNodes {
            let text = try statusNode.string()
            guard let status = EventStatus(rawValue: text) else {
                throw statusNode.error("attendu proposed, confirmed, cancelled ou done, trouvé « \(text) »")
            }
            statuses.append(status)
        }
        guard !statuses.isEmpty else { throw object.node.error("« statuses » vide : au moins un statut") }
        var requirement: RecordRequirement?
        if let requiresNode = object.optional("requires") {
            let text = try requiresNode.string()
            guard let value = RecordRequirement(rawValue: text) else {
                throw requiresNode.error("attendu recorded ou notRecorded, trouvé « \(text) »")
            }
            requirement = value
        }
        let untilNode = try object.required("until", "une échéance : start, end, start-Nd ou end+Nd")
        let untilText = try untilNode.string()
        guard let deadline = ReminderDeadline(text: untilText) else {
            throw untilNode.error("attendu start, end, start-Nd ou end+Nd (N jours), trouvé « \(untilText) »")
        }
        return ReminderRule(name: name, trigger: trigger, sendTime: sendTime, recipients: recipients,
                            template: template, statuses: statuses, requirement: requirement, deadline: deadline)
    }
}
