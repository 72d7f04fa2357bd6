import Foundation
import TestSupport
import Testing

@testable import TextFormats

/// Mutations of the repository's JSON and CSV files through the two parsers every reader of a
/// person's file starts with: each returns its value or throws its own error, whose line lies in
/// the text and whose French message, placed in a file issue as the readers do, leaks no Swift.
/// `TOURNEE_FUZZ_INPUTS` sets the number of inputs per parser (see Tests/TestSupport/Fuzzing);
/// `Benchmarks/fuzz.sh` runs them long.
struct TextFormatsReaderFuzzTests {
    static let maximumSize = 64 * 1024

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: repository.appendingPathComponent(relative)))
    }

    /// The 1-based lines a text has: one more than its line breaks.
    static func lineCount(_ text: String) -> Int { text.utf8.count { $0 == UInt8(ascii: "\n") } + 1 }

    /// Throws unless an error's line lies in the text and its message, as a file issue, is clean French.
    static func checkRefusal(line: Int, message: String, text: String) throws {
        guard (1...lineCount(text)).contains(line) else {
            throw FuzzRefusal("line \(line) outside the \(lineCount(text)) lines of the text: \(message)")
        }
        try ReaderFuzz.check(FileIssue(file: "fichier", line: line, message: message).description, names: "fichier:\(line): ")
    }

    /// The value as the writer takes it: parsing what the writer wrote must give it back.
    static func output(_ value: JSONValue) -> JSONOutput {
        switch value {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .number(_, let literal): .number(literal)
        case .string(let text): .string(text)
        case .array(let items): .array(items.map { output($0.value) })
        case .object(let members): .object(Dictionary(uniqueKeysWithValues: members.map { ($0.key, output($0.value.value)) }))
        }
    }

    @Test func jsonParser() throws {
        let seeds = try [
            "tours/guinguette-2027/season.json", "tours/tournee-des-villages-2027/season.json", "config/reminders.json",
            "config/externalities.json", "config/tourneed.json", "Tests/Fixtures/golden/plan-tournee-des-villages-2027.json",
        ].map(Self.bytes)
        try ReaderFuzz.run("jsonParser", seeds: seeds, seed: 31, defaultCount: 1_000, maximumSize: Self.maximumSize) { input in
            let text = input.lossyText
            let root: JSONValue.Located
            do throws(JSONSyntaxError) { root = try JSONParser.parse(text) } catch {
                try Self.checkRefusal(line: error.line, message: error.message, text: text)
                return
            }
            let written = Self.output(root.value).rendered()
            let again: JSONValue.Located
            do throws(JSONSyntaxError) { again = try JSONParser.parse(written) } catch {
                throw FuzzRefusal("the writer's text of an accepted value is refused, line \(error.line): \(error.message)")
            }
            guard Self.output(again.value) == Self.output(root.value) else {
                throw FuzzRefusal("the writer's text of an accepted value reads back as another value")
            }
        }
    }

    @Test func csvTable() throws {
        let seeds = try [
            "tours/guinguette-2027/communes.csv", "tours/guinguette-2027/vacances-scolaires.csv",
            "tours/tournee-des-villages-2027/communes.csv", "Tests/Fixtures/shared-data/academies-zones.csv",
            "Tests/Fixtures/shared-data/cc-saint-dizier-der-vallees.csv", "Tests/Fixtures/shared-data/jours-feries-2023-2030.csv",
        ].map(Self.bytes)
        try ReaderFuzz.run("csvTable", seeds: seeds, seed: 32, defaultCount: 1_000, maximumSize: Self.maximumSize) { input in
            let text = input.lossyText
            let table: CSVTable
            do throws(CSVError) { table = try CSVTable(text: text) } catch {
                try Self.checkRefusal(line: error.line, message: error.message, text: text)
                return
            }
            let lines = Self.lineCount(text)
            var previous = 0
            for row in table.rows {
                guard row.line > previous, row.line <= lines, !row.fields.isEmpty else {
                    throw FuzzRefusal("row of line \(row.line) after line \(previous), in a text of \(lines) lines")
                }
                previous = row.line
            }
            guard [",", ";"].contains(table.separator) else { throw FuzzRefusal("separator « \(table.separator) »") }
        }
    }
}
