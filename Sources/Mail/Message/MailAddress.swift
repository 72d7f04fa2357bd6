/// A validated mailbox: an ASCII addr-spec and an optional display name (RFC 5322 §3.4).
public struct MailAddress: Hashable, Sendable, CustomStringConvertible {
    /// The `local@domain` part used in the SMTP envelope (RFC 5321 §4.1.2).
    public let addrSpec: String
    /// The human name shown before the address, if any.
    public let displayName: String?

    /// Validates `addrSpec` as a dot-atom local part and a host-name domain (RFC 5322 §3.4.1). O(n).
    public init(_ addrSpec: String, displayName: String? = nil, field: String = "adresse") throws(MessageError) {
        try MessageError.checkHeaderText(addrSpec, field: field)
        try Self.validate(addrSpec: addrSpec, field: field)
        if let displayName {
            try MessageError.checkHeaderText(displayName, field: "\(field) (nom affiché)")
        }
        self.addrSpec = addrSpec
        self.displayName = displayName?.isEmpty == true ? nil : displayName
    }

    /// The address as written in a header, without encoding: `Name <local@domain>`.
    public var description: String {
        displayName.map { "\($0) <\(addrSpec)>" } ?? addrSpec
    }

    /// Header tokens for this mailbox: the display name as atoms, a quoted string or encoded words (RFC 2047 §5(3)), then `<addr-spec>`.
    func headerTokens(firstWordLength: Int) -> [String] {
        let angle = "<\(addrSpec)>"
        guard let displayName else { return [addrSpec] }
        let words = displayName.split(separator: " ", omittingEmptySubsequences: false)
        func isAtom(_ word: Substring) -> Bool {
            !word.isEmpty && !word.contains("=?") && word.unicodeScalars.allSatisfy(Self.isAtext)
        }
        if words.allSatisfy(isAtom) { return words.map(String.init) + [angle] }
        if displayName.unicodeScalars.allSatisfy({ $0.isASCII }) {
            let quoted = Self.quoted(displayName[...])
            // Single spaces inside a quoted string are folding white space (RFC 5322 §3.2.4): fold there.
            let pieces = quoted.contains("  ") ? [quoted] : quoted.split(separator: " ").map(String.init)
            return pieces + [angle]
        }
        // Atoms stay atoms, other ASCII words become quoted strings, and only runs of non-ASCII words
        // are encoded: two adjacent encoded words only where a run is long, because RFC 2047 §6.2
        // drops the space between them while Python's address parser keeps it.
        var tokens: [String] = []
        var run: [Substring] = []
        func flushRun() {
            if !run.isEmpty {
                tokens += EncodedWord.encode(run.joined(separator: " "), firstWordLength: firstWordLength, context: .phrase)
            }
            run = []
        }
        for word in words where !word.isEmpty {
            if isAtom(word) {
                flushRun()
                tokens.append(String(word))
            } else if word.unicodeScalars.allSatisfy({ $0.isASCII }) && !word.contains("=?") {
                flushRun()
                tokens.append(Self.quoted(word))
            } else {
                run.append(word)
            }
        }
        flushRun()
        return tokens + [angle]
    }

    /// `text` as an RFC 5322 §3.2.4 quoted string, backslash-escaping quotes and backslashes.
    private static func quoted(_ text: Substring) -> String {
        var quoted = "\""
        for character in text {
            if character == "\"" || character == "\\" { quoted.append("\\") }
            quoted.append(character)
        }
        return quoted + "\""
    }

    /// `atext` of RFC 5322 §3.2.3.
    static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return false }
        if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) { return true }
        return "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
    }

    /// `dot-atom-text` of RFC 5322 §3.2.3: atext runs separated by single dots.
    static func isDotAtomText(_ text: Substring) -> Bool {
        !text.isEmpty
            && text.split(separator: ".", omittingEmptySubsequences: false)
                .allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy(isAtext) }
    }

    private static func validate(addrSpec: String, field: String) throws(MessageError) {
        func fail(_ reason: String) -> MessageError {
            .invalidAddress(field: field, address: addrSpec, reason: reason)
        }
        guard let at = addrSpec.lastIndex(of: "@") else { throw fail("il manque @") }
        let local = addrSpec[..<at]
        let domain = addrSpec[addrSpec.index(after: at)...]
        guard !local.isEmpty, local.utf8.count <= 64 else { throw fail("partie locale vide ou de plus de 64 octets") }
        guard isDotAtomText(local) else { throw fail("partie locale hors dot-atom") }
        if let reason = DomainName.problem(domain) { throw fail(reason) }
    }
}
