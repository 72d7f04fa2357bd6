import Foundation
import Planning
import TextFormats

/// A value of a JSON configuration file with its key path and line, so that every refusal names
/// the file, the line, the key and what was expected.
public struct ConfigNode: Sendable {
    /// The file the value comes from (as the operator named it).
    public let file: String
    /// The key path, e.g. `rules[2].sendTime`.
    public let key: String
    /// The value and its line.
    let located: JSONValue.Located

    /// Reads and parses `path`; errors say which file and line. O(size of the file).
    public static func load(path: String) throws(ConfigurationError) -> ConfigNode {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "fichier illisible ou pas en UTF-8" : "fichier absent"
            throw .unreadable(file: path, reason: reason)
        }
        return try parse(text, file: path)
    }

    /// Parses `text` as the content of `file`. O(size of the text).
    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> ConfigNode {
        do {
            return ConfigNode(file: file, key: "", located: try JSONParser.parse(text))
        } catch {
            throw .syntax(file: file, line: error.line, message: error.message)
        }
    }

    /// A refusal of this value saying what was expected.
    public func error(_ expected: String) -> ConfigurationError {
        .invalid(file: file, line: located.line, key: key.isEmpty ? "(racine)" : key, expected: expected)
    }

    /// The members of an object, refusing keys outside `allowed` (typos must not pass silently).
    public func object(allowed: [String]) throws(ConfigurationError) -> ConfigObject {
        guard case .object(let members) = located.value else {
            throw error("attendu un objet, trouvé \(located.value.typeName)")
        }
        for member in members where !allowed.contains(member.key) {
            throw ConfigurationError.invalid(file: file, line: member.line, key: child(member.key),
                                             expected: "clé inconnue (clés permises : \(allowed.joined(separator: ", ")))")
        }
        return ConfigObject(node: self, members: members)
    }

    /// The elements of an array.
    public func array() throws(ConfigurationError) -> [ConfigNode] {
        guard case .array(let elements) = located.value else {
            throw error("attendu une liste, trouvé \(located.value.typeName)")
        }
        return elements.enumerated().map { ConfigNode(file: file, key: "\(key)[\($0.offset)]", located: $0.element) }
    }

    /// A string value.
    public func string() throws(ConfigurationError) -> String {
        guard case .string(let text) = located.value else {
            throw error("attendu un texte, trouvé \(located.value.typeName)")
        }
        return text
    }

    /// A whole number within `range`.
    public func int(in range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        guard case .number(let value, _) = located.value, value.rounded() == value,
              let whole = Int(exactly: value), range.contains(whole) else {
            throw error("attendu un entier entre \(range.lowerBound) et \(range.upperBound)")
        }
        return whole
    }

    /// A number within `range`.
    public func double(in range: ClosedRange<Double>) throws(ConfigurationError) -> Double {
        guard case .number(let value, _) = located.value, range.contains(value) else {
            throw error("attendu un nombre entre \(range.lowerBound) et \(range.upperBound)")
        }
        return value
    }

    /// Whether the value is JSON `null`.
    public var isNull: Bool {
        if case .null = located.value { return true }
        return false
    }

    func child(_ name: String) -> String { key.isEmpty ? name : "\(key).\(name)" }
}

/// An object's members by key, each a `ConfigNode` with its path.
public struct ConfigObject: Sendable {
    let node: ConfigNode
    let members: [JSONValue.Member]

    /// The member `name`, or nil when absent or null.
    public func optional(_ name: String) -> ConfigNode? {
        guard let member = members.first(where: { $0.key == name }) else { return nil }
        let value = ConfigNode(file: node.file, key: node.child(name), located: member.value)
        return value.isNull ? nil : value
    }

    /// The member `name`, refused when absent.
    public func required(_ name: String, _ expected: String) throws(ConfigurationError) -> ConfigNode {
        guard let value = optional(name) else {
            throw ConfigurationError.invalid(file: node.file, line: node.located.line, key: node.child(name),
                                             expected: "absente ; attendu \(expected)")
        }
        return value
    }
}
