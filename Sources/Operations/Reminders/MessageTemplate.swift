/// A French message template: a subject line (`Objet : …`), a blank line, then the body, with
/// `{placeholder}` fields checked when the template is loaded. A body line whose field has no
/// value (no place known, no volunteers recorded) is left out whole, so a message never prints
/// « non renseigné » nor half a sentence.
public struct MessageTemplate: Equatable, Sendable {
    /// The template's name (its file name without `.txt`).
    public let name: String
    /// The subject, with placeholders.
    let subject: [Piece]
    /// The body's lines, each with its placeholders.
    let body: [[Piece]]

    /// Literal text or a placeholder.
    enum Piece: Equatable, Sendable {
        case text(String)
        case field(Placeholder)
    }

    /// Every placeholder used, in first-use order.
    public var placeholders: [Placeholder] {
        var seen: [Placeholder] = []
        for case .field(let field) in subject + body.joined() where !seen.contains(field) { seen.append(field) }
        return seen
    }

    /// Parses a template; `file` names it in errors. Unknown placeholders, unclosed braces and a
    /// missing subject line are refused. O(size of the text).
    public init(name: String, text: String, file: String) throws(ConfigurationError) {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, let subjectText = Self.subjectText(first) else {
            throw .invalid(file: file, line: 1, key: "Objet", expected: "la première ligne doit être « Objet : … »")
        }
        guard lines.count >= 2, lines[1].isEmpty else {
            throw .invalid(file: file, line: 2, key: "Objet", expected: "une ligne vide après l'objet")
        }
        lines.removeFirst(2)
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard !lines.isEmpty else {
            throw .invalid(file: file, line: 3, key: "corps", expected: "un texte après l'objet")
        }
        self.name = name
        self.subject = try Self.pieces(subjectText, file: file, line: 1)
        var body: [[Piece]] = []
        for (offset, line) in lines.enumerated() {
            body.append(try Self.pieces(line, file: file, line: offset + 3))
        }
        self.body = body
    }

    /// Fills the subject and body with `values`: a body line with a field `values` lacks is left
    /// out, and so is a blank line that would follow another. O(size of the result).
    public func render(_ values: [Placeholder: String]) -> (subject: String, body: String) {
        var lines: [String] = []
        for line in body {
            let complete = line.allSatisfy { piece in
                if case .field(let field) = piece { values[field] != nil } else { true }
            }
            guard complete else { continue }
            let text = Self.fill(line, values)
            if text.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(text)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return (Self.fill(subject, values), lines.map { $0 + "\n" }.joined())
    }

    private static func fill(_ pieces: [Piece], _ values: [Placeholder: String]) -> String {
        var output = ""
        for piece in pieces {
            switch piece {
            case .text(let text): output += text
            case .field(let field): output += values[field] ?? ""
            }
        }
        return output
    }

    private static func subjectText(_ line: String) -> String? {
        for prefix in ["Objet :", "Objet:", "Objet\u{00A0}:"] where line.hasPrefix(prefix) {
            let rest = line.dropFirst(prefix.count).drop { $0 == " " }
            return rest.isEmpty ? nil : String(rest)
        }
        return nil
    }

    private static func pieces(_ text: String, file: String, line: Int) throws(ConfigurationError) -> [Piece] {
        var pieces: [Piece] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            literal += rest[..<open]
            guard rest[open] == "{", let close = rest[open...].firstIndex(of: "}") else {
                throw .invalid(file: file, line: line, key: "modèle", expected: "accolade « \(rest[open]) » sans partenaire")
            }
            let name = String(rest[rest.index(after: open)..<close])
            guard let field = Placeholder(rawValue: name) else {
                throw .invalid(
                    file: file, line: line, key: "{\(name)}",
                    expected: "champ inconnu (champs connus : \(Placeholder.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            if !literal.isEmpty { pieces.append(.text(literal)) }
            literal = ""
            pieces.append(.field(field))
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { pieces.append(.text(literal)) }
        return pieces
    }
}
