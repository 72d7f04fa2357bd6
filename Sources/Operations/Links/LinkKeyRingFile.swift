import Cryptography
import Glibc
import TextFormats

/// The key ring's file: `tournee-link-keys 1` on the first line, then one key a line, `ID HEX`
/// (decimal id, at least 64 hexadecimal digits). Only its owner may read it (mode 0600): whoever
/// reads it can answer for every mairie.
public enum LinkKeyRingFile {
    static let header = "tournee-link-keys 1"
    static let maximumSize = 64 * 1024

    /// The ring in `path`, created with one fresh 32-byte key when there is no file yet (the
    /// daemon's first start).
    public static func loadOrCreate(path: String) throws(LinkKeyRingError) -> LinkKeyRing {
        do {
            return try load(path: path)
        } catch .missing {
            let secret: [UInt8]
            do { secret = try SecureRandom.bytes(LinkKey.minimumByteCount) } catch {
                throw .cannotWrite(path: path, reason: "aléa du noyau illisible")
            }
            // A fresh key is valid by construction.
            let ring = LinkKeyRing(keys: [LinkKey(id: 1, secret: secret)!])!
            try write(ring, to: path)
            return ring
        }
    }

    /// The ring in `path`; refuses a file readable or writable by group or others, a symbolic
    /// link, anything but a regular file, and a malformed line.
    public static func load(path: String) throws(LinkKeyRingError) -> LinkKeyRing {
        let bytes: [UInt8]
        do {
            bytes = try TextFile.readBytes(path: path, limit: maximumSize, extraFlags: O_NOFOLLOW)
        } catch .missing {
            throw .missing(path: path)
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
        try checkMode(path: path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .malformed(path: path, line: 1, expected: "un fichier texte UTF-8")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard lines.first == Substring(header) else { throw .malformed(path: path, line: 1, expected: "« \(header) »") }
        var keys: [LinkKey] = []
        for (index, line) in lines.enumerated().dropFirst() {
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 2, let id = UInt32(fields[0]), id > 0, String(id) == fields[0] else {
                throw .malformed(
                    path: path, line: index + 1,
                    expected: "« NUMÉRO CLÉ » : un numéro de clé de 1 à 4294967295, une espace, la clé en hexadécimal")
            }
            guard let secret = Hexadecimal.bytes(fields[1]), let key = LinkKey(id: id, secret: secret) else {
                throw .malformed(
                    path: path, line: index + 1, expected: "une clé d'au moins \(2 * LinkKey.minimumByteCount) chiffres hexadécimaux")
            }
            guard !keys.contains(where: { $0.id == id }) else {
                throw .malformed(path: path, line: index + 1, expected: "un numéro de clé pas encore donné (\(id) l'est déjà)")
            }
            keys.append(key)
        }
        guard let ring = LinkKeyRing(keys: keys) else { throw .malformed(path: path, line: lines.count, expected: "au moins une clé") }
        return ring
    }

    /// Adds a fresh key to the ring in `path` (rotation) and returns the new ring.
    public static func rotate(path: String) throws(LinkKeyRingError) -> LinkKeyRing {
        let ring = try load(path: path)
        let secret: [UInt8]
        do { secret = try SecureRandom.bytes(LinkKey.minimumByteCount) } catch {
            throw .cannotWrite(path: path, reason: "aléa du noyau illisible")
        }
        guard let rotated = ring.adding(secret: secret) else {
            throw .malformed(path: path, line: ring.keys.count + 1, expected: "un numéro de clé libre")
        }
        try write(rotated, to: path)
        return rotated
    }

    /// Writes `ring` to a temporary file of mode 0600 beside `path`, synced, then renamed over it,
    /// so that a crash leaves the old ring or the new one, never half a key.
    static func write(_ ring: LinkKeyRing, to path: String) throws(LinkKeyRingError) {
        var text = header + "\n"
        for key in ring.keys { text += "\(key.id) " + Hexadecimal.text(key.secret) + "\n" }
        let temporary = path + ".tmp"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: SystemErrorText.french(errno)) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let reason = SystemErrorText.french(errno)
                close(descriptor)
                unlink(temporary)
                throw .cannotWrite(path: path, reason: reason)
            }
            written += count
        }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard synced, rename(temporary, path) == 0 else {
            let reason = SystemErrorText.french(errno)
            unlink(temporary)
            throw .cannotWrite(path: path, reason: reason)
        }
    }

    private static func checkMode(path: String) throws(LinkKeyRingError) {
        var status = stat()
        guard lstat(path, &status) == 0 else { throw .unreadable(path: path, reason: SystemErrorText.french(errno)) }
        let permissions = UInt32(status.st_mode) & 0o777
        guard permissions & 0o077 == 0 else { throw .tooOpen(path: path, mode: permissions) }
    }
}
