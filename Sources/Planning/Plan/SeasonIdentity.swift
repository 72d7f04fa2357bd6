import Foundation

extension Season {
    /// The season's stable identity: the name of the folder it was read from
    /// (`tours/guinguette-2027/` → `guinguette-2027`).
    ///
    /// It prefixes every event identifier, is the season's id in the database and is written as
    /// `season.slug` in `plan.json`; every command that plans must take it from here, so that
    /// the same season always gets the same identifiers.
    public var slug: String { directory.standardizedFileURL.lastPathComponent }
}
