import Foundation
import TestSupport
import Testing

@testable import Mail

@Suite struct TransportURLTests {
    @Test(arguments: [
        ("smtp://relay.example.fr:587", TransportURL.smtp(host: "relay.example.fr", port: 587, username: nil)),
        ("smtp://127.0.0.1", .smtp(host: "127.0.0.1", port: 25, username: nil)),
        ("SMTP://relay.example.fr:2525/", .smtp(host: "relay.example.fr", port: 2525, username: nil)),
        ("smtp://tournee@relay.example.fr:587", .smtp(host: "relay.example.fr", port: 587, username: "tournee")),
        ("smtp://tournee%40guinguette.fr@relay:587", .smtp(host: "relay", port: 587, username: "tournee@guinguette.fr")),
        ("smtp://[::1]:2525", .smtp(host: "::1", port: 2525, username: nil)),
        ("sendmail:/usr/sbin/sendmail", .sendmail(program: "/usr/sbin/sendmail")),
        ("sendmail:///usr/bin/msmtp", .sendmail(program: "/usr/bin/msmtp")),
        ("maildir:/var/lib/tournee/dry-run", .maildir(directory: "/var/lib/tournee/dry-run")),
        ("maildir:out/mail", .maildir(directory: "out/mail")),
    ])
    func parsesTheThreeForms(_ text: String, _ expected: TransportURL) throws {
        #expect(try TransportURL(parsing: text) == expected)
    }

    @Test(arguments: [
        ("http://relay", TransportURLError.unknownScheme("http://relay")),
        ("relay.example.fr", .unknownScheme("relay.example.fr")),
        ("smtp:relay", .invalidSMTP("smtp:relay", reason: "il faut smtp://hôte:port")),
        ("smtp://relay:0", .invalidSMTP("smtp://relay:0", reason: "port \"0\" hors de 1…65535")),
        ("smtp://relay:smtp", .invalidSMTP("smtp://relay:smtp", reason: "port \"smtp\" hors de 1…65535")),
        ("smtp://", .invalidSMTP("smtp://", reason: "hôte vide ou invalide")),
        ("smtp://::1:25", .invalidSMTP("smtp://::1:25", reason: "hôte vide ou invalide")),
        ("smtp://relay:", .invalidSMTP("smtp://relay:", reason: "port \"\" hors de 1…65535")),
        ("smtp://relay/path", .invalidSMTP("smtp://relay/path", reason: "ni chemin ni paramètres après l'hôte")),
        ("smtp://user:hunter2@relay:587", .passwordInURL),
        ("sendmail:", .missingPath(scheme: "sendmail")),
        ("sendmail:msmtp", .relativeProgram("msmtp")),
        ("maildir:", .missingPath(scheme: "maildir")),
    ])
    func refusesBadURLsSayingWhatIsExpected(_ text: String, _ expected: TransportURLError) {
        #expect(throws: expected) { try TransportURL(parsing: text) }
    }

    @Test func aPasswordInTheURLIsNeverEchoed() {
        let error = TransportURLError.passwordInURL
        #expect(!error.description.contains("hunter2"))
        #expect(error.description.contains("fichier secret"))
        #expect(
            TransportURLError.unknownScheme("x").description.contains(
                "smtp://hôte:port, smtp://utilisateur@hôte:port, sendmail:/usr/sbin/sendmail, maildir:/chemin"))
    }

    @Test func makesTheMatchingTransport() throws {
        let now: @Sendable () -> Date = { Date(timeIntervalSince1970: 0) }
        let smtp = try #require(
            try TransportURL(parsing: "smtp://tournee@relay:587").makeTransport(password: Secret("p"), now: now) as? SMTPTransport)
        #expect(smtp.host == "relay" && smtp.port == 587 && smtp.credentials?.username == "tournee")
        #expect(throws: TransportURLError.missingPassword(username: "tournee")) {
            try TransportURL(parsing: "smtp://tournee@relay:587").makeTransport(password: nil, now: now)
        }
        #expect(throws: TransportURLError.passwordWithoutUsername) {
            try TransportURL(parsing: "smtp://relay:587").makeTransport(password: Secret("p"), now: now)
        }
        #expect(
            (try TransportURL(parsing: "sendmail:/usr/bin/msmtp").makeTransport(password: nil, now: now) as? SendmailTransport)?.program
                == "/usr/bin/msmtp")
        #expect(
            (try TransportURL(parsing: "maildir:/tmp/x").makeTransport(password: nil, now: now) as? MaildirTransport)?.directory == "/tmp/x"
        )
    }

    @Test func theMadeTransportSendsThroughTheProtocol() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-mail-tests").url.appendingPathComponent("dry").path
        let transport: any MailTransport = try TransportURL(parsing: "maildir:" + directory)
            .makeTransport(password: nil, now: { Date(timeIntervalSince1970: 1_780_000_000) })
        let report = try transport.send(SampleOutgoing.raw("Subject: x\r\n\r\nx\r\n"))
        #expect(report.accepted.map(\.addrSpec) == ["mairie@wassy.fr"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/new").count == 1)
    }

    @Test func describesCanonicallyWithoutPassword() throws {
        #expect(try TransportURL(parsing: "smtp://tournee%40g.fr@relay").description == "smtp://tournee%40g.fr@relay:25")
        #expect(try TransportURL(parsing: "smtp://[::1]:2525").description == "smtp://[::1]:2525")
        #expect(try TransportURL(parsing: "sendmail:///usr/bin/msmtp").description == "sendmail:/usr/bin/msmtp")
    }
}
