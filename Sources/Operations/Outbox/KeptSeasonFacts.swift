import Planning
import Store
import Synchronization
import TextFormats

/// The seasons a database keeps (`StoredSeason`), loaded once per import for the facts the
/// messages take from them (`EveningSetting`), so a tick does not read the season's files and
/// the national communes file again for every evening.
public final class KeptSeasonFacts: Sendable {
    private let directory: @Sendable () throws -> CommuneDirectory
    /// By season id: the digests of the kept files loaded (nil when the database keeps none),
    /// and the season they gave.
    private let loaded = Mutex<[String: (digests: [ContentDigest]?, season: Season?)]>([:])
    private let directoryCache = Mutex<CommuneDirectory?>(nil)

    /// Facts read with the national communes file `directory` gives, asked for once, when a
    /// kept season first needs it.
    public init(directory: @escaping @Sendable () throws -> CommuneDirectory) {
        self.directory = directory
    }

    /// Facts read with the shipped national communes file (or the one `TOURNEE_COMMUNES_FILE`
    /// in `environment` names).
    public convenience init(environment: [String: String]) {
        self.init(directory: { try CommuneDirectory.loadShipped(environment: environment) })
    }

    /// The setting of `event` in the season the database keeps now; empty when it keeps none.
    /// A kept season that no longer loads, or the national file missing, is
    /// `ReminderError.seasonUnreadable`: no message of the evening leaves without its facts.
    public func setting(of event: Event, in database: Database) throws -> EveningSetting {
        do {
            return try season(event.planned.seasonID, in: database).map { EveningSetting(event, in: $0) } ?? EveningSetting()
        } catch let error as LifecycleError {
            throw ReminderError.seasonUnreadable(eventID: event.id, reason: error.lines.joined(separator: " ; "))
        } catch let error as SeasonError {
            throw ReminderError.seasonUnreadable(
                eventID: event.id, reason: error.issues.map(\.description).joined(separator: " ; "))
        }
    }

    private func season(_ seasonID: String, in database: Database) throws -> Season? {
        let digests = try SeasonSnapshotStore(database).snapshot(seasonID: seasonID)?.files.map(\.digest)
        if let cached = loaded.withLock({ $0[seasonID] }), cached.digests == digests { return cached.season }
        let season = try digests == nil ? nil : StoredSeason.load(seasonID: seasonID, from: database, directory: communes)
        loaded.withLock { $0[seasonID] = (digests, season) }
        return season
    }

    private func communes() throws -> CommuneDirectory {
        if let cached = directoryCache.withLock({ $0 }) { return cached }
        let read = try directory()
        directoryCache.withLock { $0 = read }
        return read
    }
}
