import TextFormats

/// What a host commune is asked to provide for an evening, as the request to the mairie lists
/// it: a season gives its own list per vehicle (`communeProvides`), names one of the two lists
/// below, or leaves it to the vehicle's kind (docs/season-format.md).
public enum CommuneProvisions {
    /// A guinguette's van: power for the bar and lights, water, room for the van and a terrace.
    public static let guinguette = [
        "une prise électrique 16 A (230 V) à moins de 25 m de l'emplacement",
        "un point d'eau potable à proximité",
        "un emplacement plat et dégagé d'environ 12 m sur 8 pour le camion et la terrasse",
        "l'accès à des toilettes (publiques ou de la salle)",
    ]

    /// A touring company: more power for the stage lights, a stage area, a room to change in,
    /// seats for the audience.
    public static let company = [
        "une prise électrique 32 A triphasée, ou deux prises 16 A sur des circuits distincts",
        "une surface plane d'environ 10 m sur 8 pour le plateau, ou la salle des fêtes en cas de pluie",
        "une pièce fermée pour que la troupe se change",
        "des tables et des chaises pour le public, si la commune en a",
        "un point d'eau potable",
    ]

    /// The names a season may give instead of a list.
    static let presets = ["guinguette": guinguette, "compagnie": company]

    /// The list for a vehicle that says nothing: a van that returns to its base after each
    /// evening is a guinguette, one that goes straight on is a company on tour.
    static func defaults(for travel: TravelPolicy) -> [String] {
        travel == .returnToBase ? guinguette : company
    }

    /// Reads `communeProvides`: a preset's name or a list of one-line phrases; nil, logged, when
    /// it is neither; `fallback` when absent.
    static func read(_ object: JSONObjectReader, fallback: [String]) -> [String]? {
        let key = "communeProvides"
        guard let located = object.value(key, required: false) else { return fallback }
        let expected = "« guinguette », « compagnie » ou une liste de textes (ex. [\"une prise 16 A\", \"un point d'eau\"])"
        switch located.value {
        case .string(let name):
            guard let preset = presets[name] else {
                object.mismatch(key, located, expected: expected)
                return nil
            }
            return preset
        case .array(let items):
            var phrases: [String] = []
            for item in items {
                guard case .string(let text) = item.value, !text.isEmpty, ControlCharacters.first(in: text) == nil else {
                    object.log.error(object.file, line: item.line, key: object.keyPath(key), "texte non vide sur une ligne attendu")
                    return nil
                }
                phrases.append(text)
            }
            return phrases
        default:
            object.mismatch(key, located, expected: expected)
            return nil
        }
    }
}
