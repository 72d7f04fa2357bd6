import Foundation
import Mail

@testable import Operations

/// The identity the tests write as, and the shipped policy and templates.
enum Fixtures {
    static func identity() throws -> MailIdentity {
        MailIdentity(
            from: try MailAddress("tournee@guinguette.example.org", displayName: "La Guinguette mobile"),
            replyTo: [try MailAddress("coordination@guinguette.example.org", displayName: "Coordination")],
            staff: [try MailAddress("equipe@guinguette.example.org", displayName: "Équipe")],
            planners: [try MailAddress("planification@guinguette.example.org", displayName: "Planification")],
            eveningContact: "Camille, 06 12 34 56 78", signature: "L'équipe de la Guinguette mobile",
            messageIDDomain: "guinguette.example.org",
            organiser: MailIdentity.Organiser(
                name: "Association La Guinguette mobile", phone: "03 25 05 12 34", address: "12 rue de la Marne, 52100 Saint-Dizier"))
    }

    static let remindersPath = PlanFixture.configFolder + "/reminders.json"

    static func shippedPolicy() throws -> ReminderPolicy { try ReminderPolicy.load(path: remindersPath) }

    static func composer(policy: ReminderPolicy? = nil) throws -> ReminderComposer {
        let policy = try policy ?? shippedPolicy()
        let templates = try TemplateSet.load(folder: PlanFixture.configFolder + "/templates", for: policy, policyFile: remindersPath)
        return ReminderComposer(identity: try identity(), templates: templates)
    }

    /// Unix seconds of a UTC ISO 8601 instant such as `2027-05-08T07:00:00Z`.
    static func instant(_ text: String) -> Int64 {
        Int64(ISO8601DateFormatter().date(from: text)!.timeIntervalSince1970)
    }
}
