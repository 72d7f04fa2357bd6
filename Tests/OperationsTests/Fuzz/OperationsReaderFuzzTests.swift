import Foundation
import Planning
import TestSupport
import Testing

@testable import Operations

/// Mutations of the shipped configuration (config/), a record sheet and the golden plans: each
/// reader the daemon and the records commands rely on answers with its own French refusal naming
/// the file, never a crash, a hang or a Swift description. `TOURNEE_FUZZ_INPUTS` sets the number
/// of inputs per reader (see Tests/TestSupport/Fuzzing); `Benchmarks/fuzz.sh` runs them long.
struct OperationsReaderFuzzTests {
    /// Inputs per reader in a plain `swift test`.
    static let defaultCount = 300
    /// Inputs stay small so that many fit in a few seconds.
    static let maximumSize = 64 * 1024

    static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Repository.url(relative)))
    }

    static func fuzz(_ name: String, seeds: [[UInt8]], seed: UInt64, body: (FuzzInput) throws -> Void) throws {
        try ReaderFuzz.run(name, seeds: seeds, seed: seed, defaultCount: defaultCount, maximumSize: maximumSize, body: body)
    }

    /// A sheet in the form staff fill in, with French numbers, quotes and several partners.
    static let recordSheet = Array(
        #"""
        event,attendance,animations,partners,local_spend_eur,sales_eur,volunteers,weather,notes
        guinguette-2027-51315-printemps-1,235,Concert | Karaoké,Les Amis du Der:association | Ferme du Bocage:producteur,"216,33","700,61",9,chaud,
        guinguette-2027-52203-printemps-2,1 200,Cinéma plein air,Brasserie du Der:producteur,180 €,,4,nuageux,"Belle soirée, merci ""la mairie"""

        """#.utf8)

    @Test func recordSheet() throws {
        try Self.fuzz("recordSheet", seeds: [Self.recordSheet], seed: 11) { input in
            do { _ = try RecordSheet.parse(input.lossyText, file: "feuille.csv") } catch let error as RecordsError {
                for problem in error.problems { try ReaderFuzz.check(problem.description, names: "feuille.csv") }
            }
        }
    }

    @Test func externalityModel() throws {
        try Self.fuzz("externalities", seeds: [Self.bytes("config/externalities.json")], seed: 12) { input in
            do { _ = try ExternalityModel.parse(input.lossyText, file: "externalities.json") } catch let error as RecordsError {
                for problem in error.problems { try ReaderFuzz.check(problem.description, names: "externalities.json") }
            }
        }
    }

    @Test func reminderPolicy() throws {
        try Self.fuzz("reminderPolicy", seeds: [Self.bytes("config/reminders.json")], seed: 13) { input in
            do { _ = try ReminderPolicy.parse(input.lossyText, file: "reminders.json") } catch let error as ConfigurationError {
                try ReaderFuzz.check(error.description, names: "reminders.json")
            }
        }
    }

    @Test func messageTemplates() throws {
        let folder = Repository.url("config/templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        let seeds = try names.map { try Self.bytes("config/templates/" + $0) }
        try Self.fuzz("templates", seeds: seeds, seed: 14) { input in
            do { _ = try MessageTemplate(name: "modele", text: input.lossyText, file: "modele.txt") } catch let error as ConfigurationError
            {
                try ReaderFuzz.check(error.description, names: "modele.txt")
            }
        }
    }

    @Test func daemonConfiguration() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        // The whole shipped config/ folder, since the configuration names the policy and templates
        // beside it; a refusal may name any of those files.
        let folder = URL(fileURLWithPath: scratch.file("config"))
        try FileManager.default.copyItem(at: Repository.url("config"), to: folder)
        let path = folder.appendingPathComponent("tourneed.json").path
        try Self.fuzz("daemonConfiguration", seeds: [Self.bytes("config/tourneed.json")], seed: 15) { input in
            try Data(input.bytes).write(to: URL(fileURLWithPath: path))
            do { _ = try DaemonConfiguration.load(path: path) } catch let error as ConfigurationError {
                try ReaderFuzz.check(error.description, names: folder.path)
            }
        }
    }

    @Test func planImport() throws {
        let seeds = try ["guinguette-2027", "tournee-des-villages-2027"].map { try Self.bytes("Tests/Fixtures/golden/plan-\($0).json") }
        try Self.fuzz("planImport", seeds: seeds, seed: 16) { input in
            do {
                let imported = try PlanImport.parse(input.lossyText, file: "plan.json")
                for event in imported.events where event.slot.endsAt <= event.slot.startsAt || event.km < 0 {
                    throw FuzzRefusal("accepted \(event.id) ending before it starts or with negative km")
                }
            } catch let error as RecordsError {
                for problem in error.problems { try ReaderFuzz.check(problem.description, names: "plan.json") }
            }
        }
    }

    /// The files `tournee plan --keep` reads: the golden plans and an events listing
    /// (`tournee events --json`, one evening confirmed), read against the season they belong to.
    @Test func keptEvenings() throws {
        let season = try SeasonLoader(directory: CommuneDirectory.loadShipped())
            .read(folder: Repository.url("tours/guinguette-2027"), displayPath: "tours/guinguette-2027").season
        let seeds = try ["Tests/Fixtures/golden/plan-guinguette-2027.json", "Tests/OperationsTests/Fixtures/events-listing.json"].map(
            Self.bytes)
        try Self.fuzz("keptEvenings", seeds: seeds, seed: 17) { input in
            do { _ = try PlanFile.keptEvents(input.lossyText, file: "soirees.json", season: season) } catch let error as SeasonError {
                for issue in error.issues { try ReaderFuzz.check(issue.description, names: "soirees.json") }
            }
        }
    }
}
