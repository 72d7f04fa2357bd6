/// Paths a configuration names, read so that what the system is given is what the person wrote.
extension JSONObjectReader {
    /// A non-empty path without control characters. The system's calls take a path up to its
    /// first U+0000, so `"a.db\u0000x"` would open `a.db` unsaid; a line break in a path is a
    /// slip of the pen. Logs and returns nil otherwise.
    public func filePath(_ key: String, required: Bool = true) -> String? {
        guard let text = string(key, required: required) else { return nil }
        if let scalar = ControlCharacters.first(in: text) {
            log.error(
                file, line: value(key, required: false)?.line ?? line, key: keyPath(key),
                "attendu : un chemin de fichier sans caractère de contrôle (le système couperait le chemin à U+0000) ; trouvé : « \(ControlCharacters.visible(text)) », avec \(ControlCharacters.codePoint(scalar))"
            )
            return nil
        }
        return text
    }
}
