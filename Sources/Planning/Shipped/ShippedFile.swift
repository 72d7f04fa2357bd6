import Foundation
import TextFormats

/// A data file shipped as the `Planning` target's resource (the national communes, the
/// département outlines), so that the program works offline.
///
/// The file is found without `Bundle.module`, which kills the process when the resource folder is
/// missing beside an installed binary whose build folder is gone (docs/platform.md): a missing
/// file is a clear French error instead.
public struct ShippedFile: Sendable {
    /// The resource's file name.
    public let fileName: String
    /// The environment variable that points at another copy of the file.
    public let environmentKey: String
    /// What the file is, as an error names it (« fichier national des communes »).
    public let description: String

    /// Names a shipped file.
    public init(fileName: String, environmentKey: String, description: String) {
        self.fileName = fileName
        self.environmentKey = environmentKey
        self.description = description
    }

    /// Where the file is looked for, in order: `$environmentKey`, the resource folder beside the
    /// running binary, `../share/tournee/` relative to it.
    public func candidates(environment: [String: String]) -> [URL] {
        var urls: [URL] = []
        if let path = environment[environmentKey], !path.isEmpty { urls.append(URL(fileURLWithPath: path)) }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let folder = executable.deletingLastPathComponent()
        urls.append(folder.appendingPathComponent("Tournee_Planning.resources").appendingPathComponent(fileName))
        urls.append(folder.deletingLastPathComponent().appendingPathComponent("share/tournee").appendingPathComponent(fileName))
        return urls
    }

    /// The first readable candidate's text and path; a missing or unreadable file is an issue
    /// that says where it was looked for and how to install it.
    public func read(environment: [String: String], limit: Int) throws(SeasonError) -> (text: String, path: String) {
        let candidates = candidates(environment: environment)
        guard let url = candidates.first(where: { FileManager.default.isReadableFile(atPath: $0.path) }) else {
            let places = candidates.map(\.path).joined(separator: ", ")
            throw SeasonError(issues: [
                FileIssue(
                    .error, file: fileName, line: nil, key: nil,
                    message:
                        "\(description) introuvable (cherché : \(places)) ; installez le dossier Tournee_Planning.resources à côté de l'exécutable ou définissez \(environmentKey)"
                )
            ])
        }
        do {
            return (try TextFile.read(path: url.path, limit: limit), url.path)
        } catch {
            throw SeasonError(issues: [
                FileIssue(.error, file: url.path, line: error.line, key: nil, message: "lecture impossible : \(error.reason)")
            ])
        }
    }
}
