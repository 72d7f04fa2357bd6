import Foundation
import Mail
import Testing

@testable import Operations

struct DaemonConfigurationTests {
    @Test func theShippedConfigurationLoads() throws {
        let configuration = try DaemonConfiguration.load(path: PlanFixture.configFolder + "/tourneed.json")
        #expect(configuration.database == PlanFixture.configFolder + "/tournee.sqlite")
        #expect(configuration.transport == .smtp(host: "127.0.0.1", port: 25, username: nil))
        #expect(configuration.policy.rules.count == 10)
        #expect(configuration.retry == RetryPolicy(maxAttempts: 8, initialDelay: 60, maxDelay: 3_600, jitter: 0.2, seed: 1))
        #expect(configuration.identity.staff.map(\.addrSpec) == ["equipe@example.org"])
    }
}
