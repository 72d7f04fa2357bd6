/// « à » and « de » before a commune's name as French writes them: the article of Le Vey and
/// Les Monts-Verts contracts (« au Vey », « aux Monts-Verts », « du Vey », « des Monts-Verts »),
/// La and L' stay as part of the name (« à La Chapelle », « de L'Épine »), and « de » elides
/// before a vowel (« d'Ambrières »). A name that begins with an aspirated or a mute h keeps « de »
/// whole: the national file does not say which h it is, and « de Hauteville » reads better than a
/// wrong « d'Hauteville ».
public enum FrenchPreposition: Sendable {
    /// « à » (to, at).
    case a
    /// « de » (of, from).
    case de

    /// The preposition and the name, contracted or elided where French does.
    public func before(_ name: String) -> String {
        if let rest = Self.after(article: "Les ", in: name) { return (self == .a ? "aux " : "des ") + rest }
        if let rest = Self.after(article: "Le ", in: name) { return (self == .a ? "au " : "du ") + rest }
        switch self {
        case .a: return "à " + name
        case .de: return Self.beginsWithVowel(name) ? "d'" + name : "de " + name
        }
    }

    private static func after(article: String, in name: String) -> Substring? {
        guard name.hasPrefix(article), name.count > article.count else { return nil }
        return name.dropFirst(article.count)
    }

    /// Whether the name's first letter is a vowel, accents and ligatures included (Y too:
    /// « d'Yvetot »); "La …" and "L'…" begin with a consonant and keep « de ».
    private static func beginsWithVowel(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first else { return false }
        let base = String(first).decomposedStringWithCanonicalMapping.unicodeScalars.first ?? first
        return "AEIOUYaeiouyŒœÆæ".unicodeScalars.contains(base)
    }
}
