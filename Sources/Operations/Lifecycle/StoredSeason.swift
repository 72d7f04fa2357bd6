import Foundation
import Planning
import Store

/// The season a database keeps beside its events, as files (`SeasonSnapshot`) and loaded again
/// as the `Season` it was when imported.
public enum StoredSeason {
    /// How a kept season's files are named in messages: `base:SLUG/season.json`.
    public static func displayPath(_ seasonID: String) -> String { "base:\(seasonID)" }

    /// The snapshot of the files a season was loaded from, to keep under `seasonID`.
    public static func snapshot(of files: SeasonFiles, seasonID: String, actor: String, at now: Int64) -> SeasonSnapshot {
        SeasonSnapshot(
            seasonID: seasonID, folder: files.folder.standardizedFileURL.path, importedAt: now, importedBy: actor,
            files: files.files.map { SeasonSnapshot.File(name: $0.name, content: $0.text) })
    }

    /// The season kept under `seasonID`, loaded with the national communes file `directory`
    /// gives (asked for only when a season is kept) for the communes given by their INSEE code
    /// alone; nil when the database keeps none (imported before seasons were kept). A kept
    /// season that no longer loads is `LifecycleError.keptSeasonUnreadable`.
    public static func load(seasonID: String, from database: Database, directory: () throws -> CommuneDirectory) throws -> Season? {
        try loaded(seasonID: seasonID, from: database, directory: directory)?.season
    }

    /// The kept season with the files it was read from, as a re-plan from the database alone
    /// (the planners' board, with no folder at hand) needs it; nil when none is kept.
    public static func loaded(seasonID: String, from database: Database, directory: () throws -> CommuneDirectory) throws -> LoadedSeason? {
        guard let snapshot = try SeasonSnapshotStore(database).snapshot(seasonID: seasonID) else { return nil }
        let files = SeasonFiles(
            folder: URL(fileURLWithPath: snapshot.folder, isDirectory: true),
            files: snapshot.files.map { SeasonFiles.File(name: $0.name, text: $0.content) })
        let loader = SeasonLoader(directory: try directory())
        do { return try loader.read(stored: files, displayPath: displayPath(seasonID)) } catch {
            throw LifecycleError.keptSeasonUnreadable(seasonID: seasonID, issues: error.issues)
        }
    }
}
