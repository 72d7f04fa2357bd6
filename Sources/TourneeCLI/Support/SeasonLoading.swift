import CommandLineSupport
import Foundation
import Planning
import TextFormats

/// Loads a season folder named on the command line, printing its issues the way every command
/// that reads a season does.
enum SeasonLoading {
    /// The season and its warnings, or the exit status after printing why it could not be loaded.
    static func load(_ path: String, context: CommandContext) -> Result<(Season, [FileIssue]), ExitStatusError> {
        read(path, context: context).map { ($0.season, $0.warnings) }
    }

    /// The season with its warnings and the texts of its files, or the exit status after
    /// printing why it could not be loaded.
    static func read(_ path: String, context: CommandContext) -> Result<LoadedSeason, ExitStatusError> {
        let folder = context.url(for: path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            context.console.error("\(path) : dossier de saison introuvable")
            return .failure(ExitStatusError(status: .noInput))
        }
        let directory: CommuneDirectory
        do { directory = try CommuneDirectory.loadShipped(environment: context.environment) } catch {
            // The national file is part of the installation, not of the season: 69, as `communes` says.
            printIssues(error.issues, context: context)
            return .failure(ExitStatusError(status: .unavailable))
        }
        do {
            let display = path.hasSuffix("/") ? String(path.dropLast()) : path
            return .success(try SeasonLoader(directory: directory).read(folder: folder, displayPath: display))
        } catch {
            printIssues(error.issues, context: context)
            let errors = error.issues.filter { $0.severity == .error }.count
            context.console.error("\(path) : \(errors) erreur\(errors > 1 ? "s" : "") ; saison non valide")
            return .failure(ExitStatusError(status: error.isMissingInput ? .noInput : .dataError))
        }
    }

    /// Loads the season, prints its warnings, and runs `body` with it; or returns the status
    /// after printing why it could not be loaded.
    static func withSeason(_ path: String, context: CommandContext, _ body: (Season, [FileIssue]) -> ExitStatus) -> ExitStatus {
        switch load(path, context: context) {
        case .failure(let failure):
            return failure.status
        case .success(let (season, warnings)):
            printIssues(warnings, context: context)
            return body(season, warnings)
        }
    }

    /// How many issues are printed before the rest are only counted: a file with a hundred
    /// thousand faults has the same few mistakes repeated, and the first ones show them.
    static let shownIssues = 100

    /// Prints the first `shownIssues` issues to standard error, one per line, then how many
    /// errors and warnings were left out (`… et 99900 autres erreurs`).
    static func printIssues(_ issues: [FileIssue], context: CommandContext) {
        for issue in issues.prefix(shownIssues) { context.console.err(issue.description + "\n") }
        let hidden = issues.dropFirst(shownIssues)
        guard !hidden.isEmpty else { return }
        let errors = hidden.count { $0.severity == .error }
        let warnings = hidden.count - errors
        var parts: [String] = []
        if errors > 0 { parts.append(errors > 1 ? "\(errors) autres erreurs" : "1 autre erreur") }
        if warnings > 0 { parts.append(warnings > 1 ? "\(warnings) autres avertissements" : "1 autre avertissement") }
        context.console.err("… et " + parts.joined(separator: " et ") + "\n")
    }
}

/// An exit status carried as an error.
struct ExitStatusError: Error {
    let status: ExitStatus
}
