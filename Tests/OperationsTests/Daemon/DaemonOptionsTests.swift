import Foundation
import Testing
import Mail
@testable import Operations

struct DaemonOptionsTests {
    @Test func theCommandLineIsReadWithItsOverrides() throws {
        let options = try DaemonOptions(arguments: ["--config", "/etc/tournee/tourneed.json", "--db", "/var/lib/tournee/t.db",
                                                    "--transport", "maildir:/tmp/out", "--once", "--now", "2027-05-08T09:00:00+02:00"])
        #expect(options.configuration == "/etc/tournee/tourneed.json")
        #expect(options.database == "/var/lib/tournee/t.db")
        #expect(options.transport == .maildir(directory: "/tmp/out"))
        #expect(options.once)
        #expect(options.now == Date(timeIntervalSince1970: Double(Fixtures.instant("2027-05-08T07:00:00Z"))))
    }

    @Test func badCommandLinesSayWhy() {
        #expect(throws: DaemonOptions.UsageError(description: "--config FICHIER est obligatoire")) { try DaemonOptions(arguments: []) }
        #expect(throws: DaemonOptions.UsageError(description: "argument inconnu « --daemon »")) {
            try DaemonOptions(arguments: ["--config", "c.json", "--daemon"])
        }
        #expect(throws: DaemonOptions.UsageError(description: "--db demande une valeur")) { try DaemonOptions(arguments: ["--db"]) }
        #expect(throws: DaemonOptions.UsageError(description: "--now : instant ISO 8601 attendu (ex. 2027-05-08T09:00:00+02:00), trouvé « 8 mai »")) {
            try DaemonOptions(arguments: ["--config", "c.json", "--now", "8 mai"])
        }
    }

    @Test func theShippedConfigurationLoads() throws {
        let configuration = try DaemonConfiguration.load(path: PlanFixture.configFolder + "/tourneed.json")
        #expect(configuration.database == PlanFixture.configFolder + "/tournee.sqlite")
        #expect(configuration.transport == .smtp(host: "127.0.0.1", port: 25, username: nil))
        #expect(configuration.policy.rules.count == 9)
        #expect(configuration.retry == RetryPolicy(maxAttempts: 8, initialDelay: 60, maxDelay: 3_600, jitter: 0.2, seed: 1))
        #expect(configuration.identity.staff.map(\.addrSpec) == ["equipe@example.org"])
    }
}
