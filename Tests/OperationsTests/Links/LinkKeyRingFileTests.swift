import Foundation
import Glibc
import Testing

@testable import Operations
@testable import TestSupport

struct LinkKeyRingFileTests {
    @Test func createdOnFirstUseWithMode600AndReadBack() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.file("link-keys")
        let created = try LinkKeyRingFile.loadOrCreate(path: path)
        #expect(created.keys.count == 1)
        #expect(created.newest.secret.count >= 32)
        var status = stat()
        #expect(stat(path, &status) == 0)
        #expect(UInt32(status.st_mode) & 0o777 == 0o600)
        #expect(try LinkKeyRingFile.loadOrCreate(path: path) == created)
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
    }

    @Test func rotationKeepsTheOldKeysAndTheirTokens() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.file("link-keys")
        let first = try LinkKeyRingFile.loadOrCreate(path: path)
        let claims = LinkClaims(eventID: "s-1", mairieAddress: "m@x.fr", expiresAt: 100)
        let old = try #require(first.sign(claims))
        let rotated = try LinkKeyRingFile.rotate(path: path)
        #expect(rotated.keys.count == 2)
        #expect(rotated.newest.id == 2)
        #expect(rotated.newest.secret != first.newest.secret)
        let reread = try LinkKeyRingFile.load(path: path)
        #expect(reread == rotated)
        #expect(reread.verify(old, now: 99) == .valid(claims))
        #expect(reread.verify(try #require(reread.sign(claims)), now: 99) == .valid(claims))
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o660, 0o700 as mode_t])
    func aFileOpenToOthersIsRefused(mode: mode_t) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.file("link-keys")
        _ = try LinkKeyRingFile.loadOrCreate(path: path)
        chmod(path, mode)
        let permissions = UInt32(mode)
        if permissions & 0o077 == 0 {
            #expect(throws: Never.self) { try LinkKeyRingFile.load(path: path) }
        } else {
            #expect(throws: LinkKeyRingError.tooOpen(path: path, mode: permissions)) { try LinkKeyRingFile.loadOrCreate(path: path) }
            let error = LinkKeyRingError.tooOpen(path: path, mode: permissions)
            #expect(error.description.contains("chmod 600 \(path)"))
            #expect(error.exitStatus == 78)
        }
    }

    @Test(
        arguments: [
            ("", 1), ("tournee-link-keys 2\n1 " + String(repeating: "ab", count: 32) + "\n", 1),
            ("tournee-link-keys 1\n", 1),
            ("tournee-link-keys 1\n1 " + String(repeating: "ab", count: 31) + "\n", 2),
            ("tournee-link-keys 1\n1 " + String(repeating: "zz", count: 32) + "\n", 2),
            ("tournee-link-keys 1\n01 " + String(repeating: "ab", count: 32) + "\n", 2),
            ("tournee-link-keys 1\n0 " + String(repeating: "ab", count: 32) + "\n", 2),
            ("tournee-link-keys 1\n1  " + String(repeating: "ab", count: 32) + "\n", 2),
            ("tournee-link-keys 1\n1 " + String(repeating: "ab", count: 32) + "\n1 " + String(repeating: "cd", count: 32) + "\n", 3),
            ("tournee-link-keys 1\n1 " + String(repeating: "ab", count: 32) + "\n\n", 3),
        ])
    func aMalformedFileIsRefusedWithItsLine(text: String, line: Int) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = try folder.write(text, to: "link-keys")
        chmod(path, 0o600)
        do {
            _ = try LinkKeyRingFile.loadOrCreate(path: path)
            Issue.record("accepted \(text.debugDescription)")
        } catch {
            guard case .malformed(_, let found, _) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(found == line)
            #expect(error.description.hasPrefix("\(path):\(line) : fichier de clés des liens mal formé : attendu "))
        }
    }

    @Test func aSymbolicLinkOrAFolderIsRefused() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let real = folder.file("real")
        _ = try LinkKeyRingFile.loadOrCreate(path: real)
        let link = folder.file("link")
        symlink(real, link)
        #expect(throws: LinkKeyRingError.self) { try LinkKeyRingFile.loadOrCreate(path: link) }
        mkdir(folder.file("dir"), 0o700)
        #expect(throws: LinkKeyRingError.self) { try LinkKeyRingFile.loadOrCreate(path: folder.file("dir")) }
    }
}
