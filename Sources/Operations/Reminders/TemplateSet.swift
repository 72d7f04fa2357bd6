import Foundation
import TextFormats

/// The templates a policy names, loaded from one folder and checked against the policy: every
/// rule's template exists and only rules that require a record use the record's figures.
public struct TemplateSet: Equatable, Sendable {
    /// Templates by name.
    private let templates: [String: MessageTemplate]

    /// Makes a set from already parsed templates.
    public init(_ templates: [MessageTemplate]) {
        self.templates = Dictionary(templates.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The template with this name.
    public func template(named name: String) -> MessageTemplate? { templates[name] }

    /// Loads `folder/NAME.txt` for every template of `policy` and checks them. O(total size).
    public static func load(folder: String, for policy: ReminderPolicy, policyFile: String) throws(ConfigurationError) -> TemplateSet {
        var loaded: [MessageTemplate] = []
        for rule in policy.rules where !loaded.contains(where: { $0.name == rule.template }) {
            let path = (folder as NSString).appendingPathComponent(rule.template + ".txt")
            let text: String
            do {
                text = try TextFile.read(path: path, limit: 262_144)
            } catch {
                // The reader says what is wrong (absent, a folder, not UTF-8 at line N); the rule
                // says why this file is wanted.
                let reason = error.reason + " ; modèle « \(rule.template) » de la règle « \(rule.name) »"
                if case .notUTF8(_, let line, _) = error { throw .notText(file: path, line: line, reason: reason) }
                throw .unreadable(file: path, reason: reason)
            }
            loaded.append(try MessageTemplate(name: rule.template, text: text, file: path))
        }
        let set = TemplateSet(loaded)
        try set.check(policy, policyFile: policyFile)
        return set
    }

    /// Refuses a rule whose template uses the record's figures without `requires: recorded`,
    /// the date before a move without `trigger: moved`, an answer's words without
    /// `trigger: answered`, or the request's date without `trigger: unanswered`.
    public func check(_ policy: ReminderPolicy, policyFile: String) throws(ConfigurationError) {
        for rule in policy.rules {
            guard let template = templates[rule.template] else {
                throw .invalid(
                    file: policyFile, line: nil, key: "règle \(rule.name).template", expected: "modèle « \(rule.template) » inconnu")
            }
            if rule.requirement != .recorded, let field = template.placeholders.first(where: \.needsRecord) {
                throw .invalid(
                    file: policyFile, line: nil, key: "règle \(rule.name)",
                    expected: "le modèle « \(rule.template) » utilise {\(field.rawValue)} : la règle doit avoir \"requires\": \"recorded\"")
            }
            let triggered: [(needs: KeyPath<Placeholder, Bool>, holds: Bool, trigger: String)] = [
                (\.needsMove, rule.trigger == .moved, "moved"),
                (\.needsAnswer, rule.trigger == .answered, "answered"),
                (\.needsRequest, { if case .unanswered = rule.trigger { true } else { false } }(), "unanswered"),
            ]
            for (needs, holds, trigger) in triggered where !holds {
                guard let field = template.placeholders.first(where: { $0[keyPath: needs] }) else { continue }
                throw .invalid(
                    file: policyFile, line: nil, key: "règle \(rule.name)",
                    expected: "le modèle « \(rule.template) » utilise {\(field.rawValue)} : la règle doit avoir \"trigger\": \"\(trigger)\""
                )
            }
        }
    }
}
