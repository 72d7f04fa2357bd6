/// A domain name as mail needs it on the right of an address or a Message-ID (RFC 5321 §4.1.2,
/// RFC 1035 §2.3.1): labels of ASCII letters, digits and hyphens, none starting or ending with
/// a hyphen, 1 to 63 bytes each, separated by single dots, 253 bytes in all.
public enum DomainName {
    /// Why `domain` is not a domain name, in French, or nil when it is one. O(length).
    public static func problem(_ domain: Substring) -> String? {
        guard !domain.isEmpty, domain.utf8.count <= 253 else { return "domaine vide ou trop long" }
        for label in domain.split(separator: ".", omittingEmptySubsequences: false) {
            guard !label.isEmpty, label.utf8.count <= 63 else { return "étiquette de domaine vide ou trop longue" }
            guard label.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }),
                label.first != "-", label.last != "-"
            else { return "domaine hors lettres, chiffres et tirets" }
        }
        return nil
    }
}
