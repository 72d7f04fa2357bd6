import Foundation
import Glibc
import TestSupport
import Testing

/// Keys of `tourneed.json` that cannot work are refused when the configuration is loaded, by the
/// real binary, in French, naming the configuration file, its line and the key (exit 78).
@Suite(.serialized) struct DaemonConfigurationKeyTests {
    static let now = DaemonFaultTests.importInstant

    /// The configuration `TestConfiguration` writes, with `original` replaced by `replacement`.
    private static func configuration(in scratch: TemporaryDirectory, replacing original: String, with replacement: String) throws -> String
    {
        let path = try TestConfiguration.write(in: scratch, port: try LoopbackPort.free())
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(original))
        try text.replacingOccurrences(of: original, with: replacement).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// `"."` used to reach the database opening (and once crashed), `"a.db\u0000x"` silently
    /// opened `a.db`: both are refused before anything is opened or created.
    @Test(arguments: [
        (
            #""database": ".""#,
            "attendu : le chemin d'un fichier de base SQLite (ou d'un fichier à créer), par exemple tournee.sqlite ; trouvé : « . », un dossier"
        ),
        (#""database": "base/""#, "trouvé : « base/ », un dossier"),
        (#""database": "dossier""#, "trouvé : « dossier », un dossier"),
        (
            #""database": "t.db\u0000x""#,
            "attendu : un chemin de fichier sans caractère de contrôle (le système couperait le chemin à U+0000) ; trouvé : « t.db<U+0000>x », avec U+0000"
        ),
    ])
    func aDatabaseKeyThatCannotNameADatabaseFileIsRefused(setting: String, expected: String) throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        try FileManager.default.createDirectory(atPath: scratch.file("dossier"), withIntermediateDirectories: true)
        let configuration = try Self.configuration(in: scratch, replacing: #""database": "t.db""#, with: setting)
        let result = try DaemonProcess.run(["--config", configuration, "--once", "--now", Self.now], scratch: scratch)
        #expect(result.status == 78, "\(result.stderr)")
        #expect(result.stderr.contains("\(configuration):2 : clé « database » : attendu : "), "\(result.stderr)")
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.file("t.db")), "the path cut at U+0000 was created")
    }

    /// A domain with a space, an `@` or an empty label used to be accepted and every message
    /// refused later, one by one, when its Message-ID was made.
    @Test(arguments: ["guinguette example.org", "equipe@guinguette.example.org", "guinguette..org", "-guinguette.org", "guinguette.org."])
    func aMessageIDDomainThatIsNotADomainNameIsRefused(domain: String) throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let configuration = try Self.configuration(
            in: scratch, replacing: #""messageIDDomain": "guinguette.example.org""#, with: #""messageIDDomain": "\#(domain)""#)
        let result = try DaemonProcess.run(["--config", configuration, "--once", "--now", Self.now], scratch: scratch)
        #expect(result.status == 78, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "\(configuration):10 : clé « messageIDDomain » : attendu un nom de domaine (lettres ASCII, chiffres et tirets, parties séparées par un point, ex. guinguette.example.org), trouvé « \(domain) »"
            ), "\(result.stderr)")
    }

    /// `--db ""` used to try to lock a file named "" and print the system's English (exit 74).
    @Test func anEmptyDatabasePathOnTheCommandLineIsAUsageError() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let configuration = try TestConfiguration.write(in: scratch, port: try LoopbackPort.free())
        let result = try DaemonProcess.run(["--config", configuration, "--db", "", "--once", "--now", Self.now], scratch: scratch)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("tourneed: --db : chemin vide ; attendu le chemin d'un fichier"), "\(result.stderr)")
    }
}
