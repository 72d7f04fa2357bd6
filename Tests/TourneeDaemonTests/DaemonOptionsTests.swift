import CommandLineSupport
import Foundation
import Mail
import Testing

@testable import TourneeDaemon

struct DaemonOptionsTests {
    @Test func theCommandLineIsReadWithItsOverrides() throws {
        let options = try DaemonOptions(arguments: [
            "--config", "/etc/tournee/tourneed.json", "--db", "/var/lib/tournee/t.db",
            "--transport", "maildir:/tmp/out", "--once", "--now", "2027-05-08T09:00:00+02:00",
        ])
        #expect(options.configuration == "/etc/tournee/tourneed.json")
        #expect(options.database == "/var/lib/tournee/t.db")
        #expect(options.transport == .maildir(directory: "/tmp/out"))
        #expect(options.once)
        #expect(options.now == Date(timeIntervalSince1970: 1_809_759_600))
    }

    @Test func badCommandLinesSayWhy() {
        #expect(throws: UsageError("--config FICHIER est obligatoire")) { try DaemonOptions(arguments: []) }
        #expect(throws: UsageError("option inconnue « --daemon »")) {
            try DaemonOptions(arguments: ["--config", "c.json", "--daemon"])
        }
        #expect(throws: UsageError("--db attend une valeur")) { try DaemonOptions(arguments: ["--db"]) }
        #expect(throws: UsageError("--now : instant ISO 8601 attendu (ex. 2027-05-08T09:00:00+02:00), trouvé « 8 mai »")) {
            try DaemonOptions(arguments: ["--config", "c.json", "--now", "8 mai"])
        }
    }
}
