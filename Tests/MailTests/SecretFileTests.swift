import Foundation
import Glibc
import TestSupport
import Testing

@testable import Mail

@Suite struct SecretFileTests {
    private func file(_ content: String, mode: Int) throws -> String {
        let path = try TemporaryDirectory(prefix: "tournee-mail-tests").url.appendingPathComponent("smtp-password").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(content.utf8), attributes: [.posixPermissions: mode]))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test func readsAnOwnerOnlyFileWithoutItsFinalLineBreak() throws {
        #expect(try SecretFile.read(path: file("s3cret mot de passe\n", mode: 0o600)).revealed == "s3cret mot de passe")
        #expect(try SecretFile.read(path: file("a\r\n", mode: 0o400)).revealed == "a")
        #expect(try SecretFile.read(path: file("  espaces gardés  ", mode: 0o600)).revealed == "  espaces gardés  ")
    }

    @Test(arguments: [0o640, 0o604, 0o644, 0o660, 0o601])
    func refusesAFileOthersCanReachNamingItsMode(_ mode: Int) throws {
        let path = try file("s3cret\n", mode: mode)
        let error = try #require(throws: SecretError.self) { try SecretFile.read(path: path) }
        #expect(error == .tooOpen(path: path, mode: UInt32(mode)))
        #expect(error.description.contains("mode 0\(String(mode, radix: 8))"))
        #expect(error.description.contains("chmod 600"))
        #expect(!error.description.contains("s3cret"))
    }

    @Test func missingOrEmptyFilesAreClearErrors() throws {
        #expect(throws: SecretError.unreadable(path: "/nonexistent/secret", reason: "fichier absent")) {
            try SecretFile.read(path: "/nonexistent/secret")
        }
        let empty = try file("\n", mode: 0o600)
        #expect(throws: SecretError.empty(source: empty)) { try SecretFile.read(path: empty) }
    }

    @Test func readsFromTheEnvironment() throws {
        #expect(try SecretFile.fromEnvironment("TOURNEE_SMTP_PASSWORD", in: ["TOURNEE_SMTP_PASSWORD": "abc"]).revealed == "abc")
        #expect(throws: SecretError.missingVariable("TOURNEE_SMTP_PASSWORD")) {
            try SecretFile.fromEnvironment("TOURNEE_SMTP_PASSWORD", in: [:])
        }
        #expect(throws: SecretError.empty(source: "$X")) { try SecretFile.fromEnvironment("X", in: ["X": ""]) }
    }

    @Test func theSecretNeverPrints() {
        let secret = Secret("hunter2")
        var dumped = ""
        dump(secret, to: &dumped)
        let credentials = SMTPCredentials(username: "tournee", password: secret)
        var dumpedCredentials = ""
        dump(credentials, to: &dumpedCredentials)
        for text in [
            "\(secret)", String(describing: secret), String(reflecting: secret), dumped,
            "\(credentials)", String(reflecting: credentials), dumpedCredentials, "\([secret])",
        ] {
            #expect(!text.contains("hunter2"), "\(text)")
        }
        #expect(secret.revealed == "hunter2")
    }

    /// A FIFO of mode 600 used to block `open` until a writer came: it is refused at once.
    @Test func refusesAFIFOAFolderAndASymbolicLinkSayingWhatTheyAre() throws {
        let folder = try TemporaryDirectory(prefix: "tournee-mail-tests").url.path
        let fifo = folder + "/fifo-password"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: SecretError.notARegularFile(path: fifo, kind: "un tube nommé (FIFO)")) { try SecretFile.read(path: fifo) }
        #expect(throws: SecretError.notARegularFile(path: folder, kind: "un dossier")) { try SecretFile.read(path: folder) }
        let target = try file("s3cret\n", mode: 0o600)
        let link = folder + "/link-password"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let error = try #require(throws: SecretError.self) { try SecretFile.read(path: link) }
        #expect(error == .notARegularFile(path: link, kind: "un lien symbolique"))
        #expect(error.description == "fichier secret \(link) refusé : c'est un lien symbolique, attendu un fichier ordinaire de mode 600")
    }
}
