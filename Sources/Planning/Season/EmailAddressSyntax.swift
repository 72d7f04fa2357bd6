/// A practical check of an e-mail address (RFC 5322 §3.4.1 `addr-spec`, dot-atom form only).
///
/// Quoted local parts and address literals are legal but never seen in mairie addresses; refusing
/// them catches the real mistakes (a missing `@`, a space, a comma between two addresses).
public enum EmailAddressSyntax {
    // Built once: building them on each call was most of the time spent reading a large communes file.
    private static let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~")
    private static let labelCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")

    /// Whether `address` is `local@domain` with an atext local part and a dotted domain.
    public static func isValid(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, address.utf8.count <= 254 else { return false }
        let local = parts[0]
        let domain = parts[1]
        let localAtoms = local.split(separator: ".", omittingEmptySubsequences: false)
        guard !local.isEmpty, local.count <= 64, localAtoms.allSatisfy({ !$0.isEmpty && $0.allSatisfy(atext.contains) }) else {
            return false
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2
            && labels.allSatisfy { label in
                !label.isEmpty && label.count <= 63 && label.allSatisfy(labelCharacters.contains)
                    && label.first != "-" && label.last != "-"
            } && labels.last!.count >= 2 && labels.last!.allSatisfy(\.isLetter)
    }
}
