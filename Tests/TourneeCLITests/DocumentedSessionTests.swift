import Foundation
import TestSupport
import Testing

/// The sessions the README and docs/season-format.md show, run as written: every command of the
/// block, in one shell, on a copy of the shipped season and configuration, must print what the
/// document says it prints. A plan or a message that changes then fails here, not in a reader's
/// terminal.
struct DocumentedSessionTests {
    /// One `$ command` of a document's block and the lines it shows after it.
    struct Step {
        let command: String
        let shown: [String]
    }

    /// The steps of the first code block after the heading `heading` in `document`.
    static func steps(in document: String, after heading: String) throws -> [Step] {
        let text = try Repository.text(document)
        let section = try #require(text.range(of: heading), "\(heading) absent de \(document)")
        let start = try #require(text.range(of: "```\n", range: section.upperBound..<text.endIndex))
        let end = try #require(text.range(of: "```\n", range: start.upperBound..<text.endIndex))
        var steps: [Step] = []
        for line in text[start.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if line.hasPrefix("$ ") {
                steps.append(Step(command: String(line.dropFirst(2)), shown: []))
            } else if let last = steps.popLast() {
                steps.append(Step(command: last.command, shown: last.shown + [String(line)]))
            }
        }
        return steps
    }

    /// Runs the steps in one bash in a scratch folder holding copies of `tours/` and `config/`,
    /// with the built programs first on the PATH; returns each step's output lines, the scratch
    /// folder written « … » as the documents write it.
    static func run(_ steps: [Step]) throws -> [[String]] {
        let scratch = try TemporaryDirectory(prefix: "tournee-session")
        defer { scratch.remove() }
        for folder in ["tours", "config"] {
            try FileManager.default.copyItem(at: Repository.url(folder), to: URL(fileURLWithPath: scratch.file(folder)))
        }
        let programs = URL(fileURLWithPath: try BuiltProgram.path("tournee")).deletingLastPathComponent().path
        _ = try BuiltProgram.path("tourneed")
        let marker = "@@étape@@"
        let script = (["exec 2>&1", "cd '\(scratch.path)'"] + steps.map { "echo \(marker)\n\($0.command)" }).joined(separator: "\n") + "\n"
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = programs + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["USER"] = "anne"
        for key in ["TOURNEE_DB", "TOURNEE_NOW"] { environment[key] = nil }
        let run = try ChildRun.toEnd(
            executable: "/bin/bash", arguments: ["-c", script + "true"], environment: environment, timeout: 300)
        let output = String(decoding: run.stdout, as: UTF8.self).replacingOccurrences(of: scratch.path, with: "…")
        return output.components(separatedBy: marker + "\n").dropFirst().map { chunk in
            chunk.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
        }
    }

    @Test(arguments: [
        ("README.md", "## A season's life, command by command"), ("docs/season-format.md", "## La vie d'une saison, commande par commande"),
    ])
    func theDocumentedSessionPrintsWhatTheDocumentShows(document: String, heading: String) throws {
        let steps = try Self.steps(in: document, after: heading)
        #expect(steps.count >= 8)
        let printed = try Self.run(steps)
        #expect(printed.count == steps.count)
        for (step, lines) in zip(steps, printed) {
            #expect(lines == step.shown.filter { !$0.isEmpty }, "\(document) : $ \(step.command)")
        }
    }
}
