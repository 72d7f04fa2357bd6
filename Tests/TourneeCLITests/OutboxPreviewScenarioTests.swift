import Foundation
import TestSupport
import Testing

/// `tournee outbox preview` against what the real daemon then sends: the shipped season
/// imported and partly agreed, previewed up to the end of its first week, then `tourneed
/// --once` run at each instant the preview named, delivering to a maildir.
struct OutboxPreviewScenarioTests {
    typealias World = ReplanCommandTests.World

    private static func readPreview(_ text: String) -> (instants: [String], count: Int, blocks: [String]) {
        // The summary line closes the output; the blocks are what precedes it.
        let body = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(2).joined(separator: "\n")
        let blocks = Array(body.components(separatedBy: "=== ").dropFirst())
        let instants = blocks.map { String($0.prefix { $0 != " " }) }
        return (instants, blocks.count, blocks)
    }

    private static func trimmed(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .newlines)
    }

    @Test func thePreviewOfTheSeasonsFirstWeekIsWhatTheDaemonThenSendsMessageForMessage() throws {
        let world = try World()
        defer { world.remove() }
        let march = "2027-03-01T09:00:00+01:00"
        #expect(try world.importSeason())
        #expect(try world.daemon(at: "2027-03-01T10:00:00+01:00") == 0)
        let planned = try ReplanCommandTests.events(world)
        for evening in planned.prefix(4) {
            let run = try world.tournee(["event", "confirm", evening.id, "--reason", "accord", "--db", world.database], at: march)
            #expect(run.status == 0, "\(run.err)")
        }
        let configuration = world.folder.appendingPathComponent("tourneed.json").path
        let now = "2027-03-02T09:00:00+01:00"
        let before = try world.tournee(["outbox", "list", "--db", world.database]).out
        try #require(!before.isEmpty)
        let whole = try world.tournee(
            ["outbox", "preview", "--from", "2027-03-02", "--days", "73", "--config", configuration, "--db", world.database], at: now)
        #expect(whole.status == 0, "\(whole.err)")
        let week = try world.tournee(
            ["outbox", "preview", "--from", "2027-05-07", "--days", "7", "--config", configuration, "--db", world.database], at: now)
        #expect(week.status == 0, "\(week.err)")
        let previewed = Self.readPreview(whole.out)
        let firstWeek = Self.readPreview(week.out)
        try #require(firstWeek.count > 0, "\(week.out)")
        #expect(previewed.blocks.suffix(firstWeek.count) == firstWeek.blocks[...])
        #expect(try world.tournee(["outbox", "list", "--db", world.database]).out == before, "the preview recorded nothing")

        // The daemon at every instant the preview named; each round sends exactly what the
        // preview showed for that instant, in the same words.
        let folder = world.mail.appendingPathComponent("new")
        var seen = Set((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        var sent: [String] = []
        var texts: [String: String] = [:]
        let instants = previewed.instants.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
        for instant in instants {
            #expect(try world.daemon(at: instant) == 0)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !seen.contains($0) }
            seen.formUnion(names)
            for name in names.sorted() {
                let message = try ParsedMessage.parse(file: folder.appendingPathComponent(name))
                let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
                texts["\(message.header("X-Tournee-Event") ?? "") \(message.header("X-Tournee-Rule") ?? "")"] = Self.trimmed(text)
                sent.append("\(message.header("X-Tournee-Event") ?? "") \(message.header("X-Tournee-Rule") ?? "") \(instant)")
            }
        }
        let shown = previewed.blocks.map { block -> String in
            let fields = block.components(separatedBy: " · ")
            return "\(fields[2].split(separator: " ")[0]) \(fields[1]) \(fields[0])"
        }
        #expect(sent.sorted() == shown.sorted())
        // The same words: the text the preview printed is the text the mairie received.
        for block in previewed.blocks {
            let fields = block.components(separatedBy: " · ")
            let key = "\(fields[2].split(separator: " ")[0]) \(fields[1])"
            let text = Self.trimmed(String(block.drop { $0 != "\n" }.dropFirst()))
            #expect(texts[key]?.hasSuffix(text) == true, "\(key)")
        }
        #expect(sent.count == previewed.count && sent.count > firstWeek.count)
    }
}
