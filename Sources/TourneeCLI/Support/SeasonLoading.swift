import CommandLineSupport
import Foundation
import Planning
import TextFormats

/// Loads a season folder named on the command line, printing its issues the way every command
/// that reads a season does.
enum SeasonLoading {
    /// The season and its warnings, or the exit status after printing why it could not be loaded.
    static func load(_ path: String, context: CommandContext) -> Result<(Season, [FileIssue]), ExitStatusError> {
        let folder = context.url(for: path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            context.console.error("\(path) : dossier de saison introuvable")
            return .failure(ExitStatusError(status: .noInput))
        }
        do {
            let directory = try CommuneDirectory.loadShipped(environment: context.environment)
            let display = path.hasSuffix("/") ? String(path.dropLast()) : path
            let (season, warnings) = try SeasonLoader(directory: directory).load(folder: folder, displayPath: display)
            return .success((season, warnings))
        } catch {
            printIssues(error.issues, context: context)
            let errors = error.issues.filter { $0.severity == .error }.count
            context.console.error("\(path) : \(errors) erreur\(errors > 1 ? "s" : "") ; saison non valide")
            return .failure(ExitStatusError(status: .dataError))
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

    /// Prints issues to standard error, one per line.
    static func printIssues(_ issues: [FileIssue], context: CommandContext) {
        for issue in issues { context.console.err(issue.description + "\n") }
    }
}

/// An exit status carried as an error.
struct ExitStatusError: Error {
    let status: ExitStatus
}
