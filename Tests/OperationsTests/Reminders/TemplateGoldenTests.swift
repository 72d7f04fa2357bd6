import CivilTime
import Foundation
import Planning
import TestSupport
import Testing

@testable import Operations
@testable import Store

/// Every template of the shipped policy rendered for one evening of each shipped season (a
/// guinguette's van, a touring company), with the facts the season the database keeps gives,
/// read back by Python's `email` and compared with `Tests/Fixtures/golden/messages-SEASON.txt`.
/// A change of wording shows up here, to be read as a mairie would before the golden file is
/// renewed (`TOURNEE_RENEW_GOLDEN=1` writes it).
struct TemplateGoldenTests {
    @Test(arguments: [
        ("guinguette-2027", "guinguette-2027-51315-1"),
        ("tournee-des-villages-2027", "tournee-des-villages-2027-72005-1"),
    ])
    func everyTemplateReadsAsTheGoldenFile(season name: String, event id: String) throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-golden")
        defer { scratch.remove() }
        let directory = try CommuneDirectory.loadShipped()
        let (database, season) = try PlanFixture.keptSeason(name, at: scratch.file("t.db"), directory: directory)
        let event = try #require(try EventStore(database).event(id: id))
        try RecordStore(database).record(
            NewEveningRecord(eventID: id, attendance: 85, animations: ["Bal folk"], localSpendCents: 42_000, volunteers: 6),
            actor: "camille", at: PlanFixture.importedAt)
        let communes = CommuneStore(database)
        var facts = ReminderFacts(
            event: event, commune: try #require(try communes.commune(insee: event.planned.insee)),
            contacts: try communes.contacts(insee: event.planned.insee), record: try RecordStore(database).record(eventID: id),
            seasonName: season.season.name, previousDate: event.planned.slot.date.adding(days: -1),
            setting: try KeptSeasonFacts(directory: { directory }).setting(of: event, in: database))
        // The answer and the request the `answered` and `unanswered` rules write about.
        facts.answer = MairieAnswer(
            formKey: "golden", eventID: id, address: "mairie@example.org", choice: .otherDates,
            dates: [event.planned.slot.date.adding(days: 7), event.planned.slot.date.adding(days: 14)],
            comment: "Le premier samedi, c'est la fête du village.", outcome: .forPlanner, at: PlanFixture.importedAt)
        facts.requestedAt = PlanFixture.importedAt - 10 * 86_400

        let policy = try Fixtures.shippedPolicy()
        let composer = try Fixtures.composer()
        let maildir = scratch.file("maildir/new")
        try FileManager.default.createDirectory(atPath: maildir, withIntermediateDirectories: true)
        for (index, rule) in policy.rules.enumerated() {
            let message = try composer.compose(rule, facts, at: PlanFixture.importedAt)
            try Data(message.message).write(to: URL(fileURLWithPath: maildir + "/\(CivilDate.digits(index, 2)).eml"))
        }
        let parsed = try PythonPeer.json([ParsedMessage].self, "parse_message.py", [scratch.file("maildir"), "--calendar"])
        let byRule = Dictionary(uniqueKeysWithValues: parsed.map { ($0.header("X-Tournee-Rule") ?? "?", $0) })
        var text = ""
        for rule in policy.rules {
            let message = try #require(byRule[rule.name])
            #expect(message.defects.isEmpty, "\(rule.name)")
            #expect(message.attachments.first?.calendar?.events.count == 1, "\(rule.name)")
            let body = try #require(message.body)
            for wrong in ["à Le ", "à Les ", "de Le ", "de Les ", "non renseign", "{", "}"] {
                #expect(!message.subject.contains(wrong) && !body.contains(wrong), "\(rule.name): \(wrong)")
            }
            text += "=== \(rule.name)\n"
            text += "À : " + message.to.map { "\($0[0]) <\($0[1])>" }.joined(separator: ", ") + "\n"
            text += "Objet : \(message.subject)\n\n\(body)\n"
        }
        let golden = "Tests/Fixtures/golden/messages-\(name).txt"
        if ProcessInfo.processInfo.environment["TOURNEE_RENEW_GOLDEN"] == "1" {
            try text.write(to: Repository.url(golden), atomically: true, encoding: .utf8)
        }
        #expect(text == (try Repository.text(golden)))
    }
}
