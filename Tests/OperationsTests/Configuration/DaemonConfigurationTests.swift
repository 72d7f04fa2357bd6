import Foundation
import Mail
import TestSupport
import Testing

@testable import Operations

struct DaemonConfigurationTests {
    @Test func theShippedConfigurationLoads() throws {
        let configuration = try DaemonConfiguration.load(path: PlanFixture.configFolder + "/tourneed.json")
        #expect(configuration.database == PlanFixture.configFolder + "/tournee.sqlite")
        #expect(configuration.transport == .smtp(host: "127.0.0.1", port: 25, username: nil))
        #expect(configuration.policy.rules.count == 19)
        #expect(configuration.retry == RetryPolicy(maxAttempts: 8, initialDelay: 60, maxDelay: 3_600, jitter: 0.2, seed: 1))
        #expect(configuration.identity.staff.map(\.addrSpec) == ["equipe@example.org"])
        #expect(configuration.identity.organiser?.phone == "03 25 05 12 34")
    }

    /// The request for agreement names the organiser: a configuration without one is refused
    /// (the message would go without who to call), and an incomplete one names the key missing.
    @Test func theOrganiserIsRequiredByTheTemplatesThatNameIt() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-config")
        defer { scratch.remove() }
        let full = DaemonConfigurationText.make(database: scratch.file("t.db"), transport: [#""transport": "maildir:/tmp/x""#])
        let path = scratch.file("tourneed.json")
        let withoutOrganiser = full.replacingOccurrences(of: #",\s*"organiser": \{[^}]*\}"#, with: "", options: .regularExpression)
        #expect(withoutOrganiser != full)
        try withoutOrganiser.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ConfigurationError.self) { try DaemonConfiguration.load(path: path) }
        do { _ = try DaemonConfiguration.load(path: path) } catch {
            #expect("\(error)".contains("organiser"))
            #expect("\(error)".contains("demande-accord"))
        }
        try full.replacingOccurrences(of: #", "phone": "03 25 05 12 34""#, with: "").write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try DaemonConfiguration.load(path: path)
            Issue.record("an organiser without a phone was accepted")
        } catch { #expect("\(error)".contains("organiser.phone"), "\(error)") }
    }

    /// The shipped policy writes to the planners (answers to weigh, mairies silent): without their
    /// addresses the daemon does not start, and says which key to write.
    @Test func thePlannersAddressesAreRequiredByTheRulesThatWriteToThem() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-config")
        defer { scratch.remove() }
        let full = DaemonConfigurationText.make(database: scratch.file("t.db"), transport: [#""transport": "maildir:/tmp/x""#])
        let path = scratch.file("tourneed.json")
        let withoutPlanners = full.replacingOccurrences(of: #", "planners": \[[^\]]*\]"#, with: "", options: .regularExpression)
        #expect(withoutPlanners != full)
        try withoutPlanners.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try DaemonConfiguration.load(path: path)
            Issue.record("a policy writing to the planners was accepted without their addresses")
        } catch {
            #expect(
                "\(error)".hasSuffix(
                    "clé « planners » : liste vide ou absente alors que des règles de \(PlanFixture.configFolder)/reminders.json écrivent aux planificateurs (planner) ; attendu au moins une adresse {\"address\", \"name\"}"
                ), "\(error)")
        }
        try full.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try DaemonConfiguration.load(path: path).identity.planners.map(\.addrSpec) == ["planification@guinguette.example.org"])
    }
}
