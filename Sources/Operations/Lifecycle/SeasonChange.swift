import Store
import TextFormats

/// What changed between the season a database keeps and the one being imported, file by file:
/// the keys of a JSON file, the rows of a CSV file with an `insee` column (the communes), and
/// any other file as a whole. Empty when every file is the same, byte for byte.
public struct SeasonChange: Sendable, Equatable {
    /// Whether something appeared, went or changed.
    public enum Kind: Sendable, Equatable {
        case added, removed, changed
    }

    /// One change.
    public struct Item: Sendable, Equatable, CustomStringConvertible {
        /// The file's name in the season folder.
        public let file: String
        /// What changed in it ("tours[1].to", "commune 51315 (Landricourt)"); empty for the
        /// file as a whole.
        public let subject: String
        /// Added, removed or changed.
        public let kind: Kind
        /// The old and new values, when there are some to show.
        public let detail: String

        /// One line in French: "communes.csv : commune 51315 (Landricourt) modifiée : max_visits « 1 » → « 2 »".
        public var description: String {
            let what = subject.isEmpty ? "fichier" : subject
            let feminine = subject.hasPrefix("commune ") || subject.hasPrefix("colonne ")
            let verb: String =
                switch kind {
                case .added: feminine ? "ajoutée" : "ajouté"
                case .removed: feminine ? "retirée" : "retiré"
                case .changed: feminine ? "modifiée" : "modifié"
                }
            return "\(file) : \(what) \(verb)" + (detail.isEmpty ? "" : " : " + detail)
        }
    }

    /// The changes, file by file in the new season's order, then the files it no longer reads.
    public let items: [Item]

    /// No change.
    public static let none = SeasonChange(items: [])

    /// Whether the two seasons are the same.
    public var isEmpty: Bool { items.isEmpty }

    /// The changes from `kept` to `new`. O(size of the files).
    public static func between(kept: SeasonSnapshot, new: SeasonSnapshot) -> SeasonChange {
        var items: [Item] = []
        for file in new.files {
            guard let old = kept.files.first(where: { $0.name == file.name }) else {
                items.append(Item(file: file.name, subject: "", kind: .added, detail: file.digest.description))
                continue
            }
            guard old.content != file.content else { continue }
            items += changes(old, file)
        }
        for old in kept.files where !new.files.contains(where: { $0.name == old.name }) {
            items.append(Item(file: old.name, subject: "", kind: .removed, detail: old.digest.description))
        }
        return SeasonChange(items: items)
    }

    /// The changes inside one file whose text changed: by key or by commune when both versions
    /// can be read so, else the file as a whole.
    private static func changes(_ old: SeasonSnapshot.File, _ new: SeasonSnapshot.File) -> [Item] {
        let whole = [Item(file: new.name, subject: "", kind: .changed, detail: "\(old.digest) → \(new.digest)")]
        let found: [Item]
        if let before = try? JSONParser.parse(old.content), let after = try? JSONParser.parse(new.content) {
            found = JSONChanges.between(before.value, after.value).map {
                Item(file: new.name, subject: $0.path, kind: $0.kind, detail: $0.detail)
            }
        } else if let before = try? CSVTable(text: old.content), let after = try? CSVTable(text: new.content),
            let rows = CSVRowChanges.between(before, after, key: "insee", label: "name")
        {
            found = rows.map { Item(file: new.name, subject: $0.subject, kind: $0.kind, detail: $0.detail) }
        } else {
            found = []
        }
        // Only spacing or line ends changed: still a change of the text, shown as such.
        return found.isEmpty ? whole : found
    }
}
