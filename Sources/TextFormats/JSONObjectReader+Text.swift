/// Texts that must parse into a value (an hour, an URL, one word of a list), read with the same
/// logging as the typed accessors, so a loader says what was expected and what it found.
extension JSONObjectReader {
    /// Whether `key` is present (and not null); logs "clé obligatoire manquante ; attendu …" otherwise.
    @discardableResult
    public func requirePresent(_ key: String, expecting expected: String) -> Bool {
        guard !log.isStopped else { return false }
        guard value(key, required: false) == nil else { return true }
        log.error(file, line: line, key: keyPath(key), "clé obligatoire manquante ; attendu \(expected)")
        return false
    }

    /// The text of `key` turned into a value by `convert`, nil when absent; logs "attendu …,
    /// trouvé « … »" when `convert` refuses it and a type mismatch when it is not a text.
    public func text<T>(_ key: String, expecting expected: String, _ convert: (String) -> T?) -> T? {
        guard let located = value(key, required: false) else { return nil }
        return converted(located, path: keyPath(key), expecting: expected, convert)
    }

    /// A list of texts each turned into a value by `convert`, each fault keyed `key[i]`; nil
    /// when absent or when any item was refused.
    public func texts<T>(_ key: String, expecting expected: String, _ convert: (String) -> T?) -> [T]? {
        guard let items = array(key, required: false) else { return nil }
        var values: [T] = []
        for item in items {
            guard let value = converted(item.value, path: item.path, expecting: expected, convert) else { return nil }
            values.append(value)
        }
        return values
    }

    private func converted<T>(
        _ located: JSONValue.Located, path: String, expecting expected: String,
        _ convert: (String) -> T?
    ) -> T? {
        guard case .string(let text) = located.value else {
            log.error(file, line: located.line, key: path, "attendu \(expected), trouvé \(located.value.typeName)")
            return nil
        }
        guard let value = convert(text) else {
            log.error(file, line: located.line, key: path, "attendu \(expected), trouvé « \(ControlCharacters.visible(text)) »")
            return nil
        }
        return value
    }
}
