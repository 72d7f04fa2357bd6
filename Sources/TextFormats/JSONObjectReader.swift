import CivilTime
import Foundation

/// Reads the members of one JSON object by key, logging every mismatch with its key path and line.
///
/// Each accessor returns nil after logging when the value is missing or of the wrong type, so a
/// loader can go on and report all faults in one run. Unknown keys are reported too: a misspelt
/// key silently ignored is the worst kind of error in a hand-edited file.
public struct JSONObjectReader {
    /// The file, as the person named it.
    public let file: String
    /// The key path of this object (`tours[1]`), empty for the root.
    public let path: String
    /// The line the object starts on.
    public let line: Int
    /// Where faults go.
    public let log: IssueLog
    private let members: [JSONValue.Member]

    /// Wraps `value`, logging an error and returning nil when it is not an object.
    public init?(_ value: JSONValue.Located, file: String, path: String, log: IssueLog) {
        guard !log.isStopped else { return nil }
        guard case .object(let members) = value.value else {
            log.error(
                file, line: value.line, key: path.isEmpty ? nil : path, "un objet { … } était attendu, trouvé \(value.value.typeName)")
            return nil
        }
        self.file = file
        self.path = path
        self.line = value.line
        self.log = log
        self.members = members
    }

    /// The key path of a member of this object.
    public func keyPath(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// Logs every member whose key is not in `known`.
    public func rejectUnknownKeys(_ known: [String]) {
        for member in members where !known.contains(member.key) {
            log.error(
                file, line: member.line, key: keyPath(ControlCharacters.visible(member.key)),
                "clé inconnue ; clés possibles ici : " + known.joined(separator: ", "))
        }
    }

    /// The raw value of `key`, logging when it is required and missing.
    public func value(_ key: String, required: Bool) -> JSONValue.Located? {
        guard !log.isStopped else { return nil }
        if let member = members.first(where: { $0.key == key }) {
            if case .null = member.value.value, !required { return nil }
            return member.value
        }
        if required { log.error(file, line: line, key: keyPath(key), "clé obligatoire manquante") }
        return nil
    }

    /// A non-empty text. Logs and returns nil when missing (if required) or of another kind.
    public func string(_ key: String, required: Bool = true) -> String? {
        guard let located = value(key, required: required) else { return nil }
        guard case .string(let text) = located.value, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            mismatch(key, located, expected: "un texte non vide")
            return nil
        }
        return text
    }

    /// A non-empty text on one line, without control characters (see `ControlCharacters`): for
    /// names and the like that may reach a mail header or a calendar line. Logs and returns nil otherwise.
    public func singleLine(_ key: String, required: Bool = true) -> String? {
        guard let text = string(key, required: required) else { return nil }
        if let scalar = ControlCharacters.first(in: text) {
            log.error(file, line: value(key, required: false)?.line ?? line, key: keyPath(key), ControlCharacters.message(scalar))
            return nil
        }
        return text
    }

    /// A number within `range`. Logs and returns nil when missing (if required) or of another kind.
    public func number(_ key: String, required: Bool = true, range: ClosedRange<Double>) -> Double? {
        guard let located = value(key, required: required) else { return nil }
        guard case .number(let number, _) = located.value else {
            mismatch(key, located, expected: "un nombre")
            return nil
        }
        guard range.contains(number) else {
            log.error(
                file, line: located.line, key: keyPath(key),
                "nombre entre \(Self.format(range.lowerBound)) et \(Self.format(range.upperBound)) attendu, trouvé \(Self.format(number))")
            return nil
        }
        return number
    }

    /// An integer within `range`, written without a fraction or exponent. Logs and returns nil when missing (if required) or of another kind.
    public func integer(_ key: String, required: Bool = true, range: ClosedRange<Int>) -> Int? {
        guard let located = value(key, required: required) else { return nil }
        guard case .number(let number, let literal) = located.value, number.rounded() == number,
            !literal.contains("."), !literal.lowercased().contains("e")
        else {
            mismatch(key, located, expected: "un nombre entier")
            return nil
        }
        // nil for an integer too large for 64 bits: out of any range a file may ask for.
        let parsed = Int(literal)
        guard let parsed, range.contains(parsed) else {
            log.error(
                file, line: located.line, key: keyPath(key),
                "entier entre \(range.lowerBound) et \(range.upperBound) attendu, trouvé \(parsed.map(String.init) ?? literal)")
            return nil
        }
        return parsed
    }

    /// `true` or `false`. Logs and returns nil when missing (if required) or of another kind.
    public func bool(_ key: String, required: Bool = true) -> Bool? {
        guard let located = value(key, required: required) else { return nil }
        guard case .bool(let flag) = located.value else {
            mismatch(key, located, expected: "true ou false")
            return nil
        }
        return flag
    }

    /// A civil date `YYYY-MM-DD`. Logs and returns nil when missing (if required) or of another kind.
    public func date(_ key: String, required: Bool = true) -> CivilDate? {
        parsed(key, required: required, expected: "date AAAA-MM-JJ attendue") { CivilDate(iso: $0) }
    }

    /// A time of day `HH:MM`. Logs and returns nil when missing (if required) or of another kind.
    public func time(_ key: String, required: Bool = true) -> LocalTime? {
        parsed(key, required: required, expected: "heure HH:MM attendue (de 00:00 à 23:59)") { LocalTime(text: $0) }
    }

    /// A text read by `parse`; logs `expected` with the text found when `parse` refuses it.
    private func parsed<T>(_ key: String, required: Bool, expected: String, _ parse: (String) -> T?) -> T? {
        guard let text = string(key, required: required), let located = value(key, required: false) else { return nil }
        guard let result = parse(text) else {
            log.error(file, line: located.line, key: keyPath(key), "\(expected), trouvé « \(ControlCharacters.visible(text)) »")
            return nil
        }
        return result
    }

    /// One of an enumeration's raw values; `fallback` when absent and not required.
    public func choice<T: RawRepresentable & CaseIterable>(_ key: String, required: Bool = true, default fallback: T? = nil) -> T?
    where T.RawValue == String {
        guard let located = value(key, required: required) else { return fallback }
        let allowed = T.allCases.map(\.rawValue)
        guard case .string(let text) = located.value, let result = T(rawValue: text) else {
            mismatch(key, located, expected: "l'une des valeurs " + allowed.map { "« \($0) »" }.joined(separator: ", "))
            return nil
        }
        return result
    }

    /// The items of an array value, each with its own key path (`tours[2]`).
    public func array(_ key: String, required: Bool = true) -> [(path: String, value: JSONValue.Located)]? {
        guard let located = value(key, required: required) else { return nil }
        guard case .array(let items) = located.value else {
            mismatch(key, located, expected: "une liste [ … ]")
            return nil
        }
        return items.enumerated().map { (keyPath(key) + "[\($0.offset)]", $0.element) }
    }

    /// A member that is an object of numbers by key (`{"51315": 12.5, …}`), each within `range`;
    /// every entry out of range or not a number is logged with its own key path.
    public func numbers(_ key: String, required: Bool = true, range: ClosedRange<Double>) -> [String: Double]? {
        guard let inner = object(key, required: required) else { return nil }
        var result: [String: Double] = [:]
        for member in inner.members {
            if let value = inner.number(member.key, range: range) { result[member.key] = value }
        }
        return result
    }

    /// A member that is itself an object.
    public func object(_ key: String, required: Bool = true) -> JSONObjectReader? {
        guard let located = value(key, required: required) else { return nil }
        return JSONObjectReader(located, file: file, path: keyPath(key), log: log)
    }

    /// Logs that `key` holds something other than `expected`.
    public func mismatch(_ key: String, _ located: JSONValue.Located, expected: String) {
        var found = located.value.typeName
        if case .string(let text) = located.value { found = "« \(ControlCharacters.visible(text)) »" }
        if case .number(_, let literal) = located.value { found = literal }
        log.error(file, line: located.line, key: keyPath(key), "attendu : \(expected) ; trouvé : \(found)")
    }

    /// A number as the person would write it (no ".0" on integers).
    public static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
