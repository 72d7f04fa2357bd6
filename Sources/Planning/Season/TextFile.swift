import Foundation

/// Reads a text file a person named, refusing at once what would block or mislead: a folder,
/// a FIFO or device (opening one for reading can wait forever for a writer), a file that is
/// not UTF-8.
public enum TextFile {
    /// Why a file could not be read, in French, with the sysexits status that fits.
    public enum Failure: Error, Equatable, Sendable {
        /// Nothing at that path.
        case missing
        /// A folder where a file was expected.
        case folder
        /// A FIFO, socket or device.
        case notRegular
        /// The file exists but cannot be opened (permissions).
        case unreadable
        /// The bytes are not UTF-8.
        case notUTF8

        /// What is wrong and what was expected.
        public var message: String {
            switch self {
            case .missing: "fichier introuvable"
            case .folder: "c'est un dossier : un fichier était attendu"
            case .notRegular: "ce n'est pas un fichier ordinaire (tube, périphérique…) : un fichier était attendu"
            case .unreadable: "lecture impossible (droits ?)"
            case .notUTF8: "le fichier n'est pas en UTF-8 : réenregistrez-le en UTF-8"
            }
        }
    }

    /// The text of the regular file at `url`. O(size).
    public static func read(_ url: URL) -> Result<String, Failure> {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return .failure(errno == EACCES ? .unreadable : .missing) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.folder)
        default: return .failure(.notRegular)
        }
        guard let data = FileManager.default.contents(atPath: url.path) else { return .failure(.unreadable) }
        guard let text = String(data: data, encoding: .utf8) else { return .failure(.notUTF8) }
        return .success(text)
    }
}
