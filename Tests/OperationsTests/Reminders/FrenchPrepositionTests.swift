import Foundation
import TestSupport
import Testing

@testable import Operations

struct FrenchPrepositionTests {
    @Test(arguments: [
        ("Le Vey", "au Vey", "du Vey"),
        ("Les Monts-Verts", "aux Monts-Verts", "des Monts-Verts"),
        ("La Chapelle", "à La Chapelle", "de La Chapelle"),
        ("L'Épine", "à L'Épine", "de L'Épine"),
        ("Ambrières", "à Ambrières", "d'Ambrières"),
        ("Éclaron-Braucourt-Sainte-Livière", "à Éclaron-Braucourt-Sainte-Livière", "d'Éclaron-Braucourt-Sainte-Livière"),
        ("Yvetot", "à Yvetot", "d'Yvetot"),
        ("Hauteville", "à Hauteville", "de Hauteville"),
        ("Curel", "à Curel", "de Curel"),
        ("Lens", "à Lens", "de Lens"),
        ("Lesches", "à Lesches", "de Lesches"),
    ])
    func contractsTheArticleAndElidesBeforeAVowel(name: String, toward: String, from: String) {
        #expect(FrenchPreposition.a.before(name) == toward)
        #expect(FrenchPreposition.de.before(name) == from)
    }

    /// Every commune of the national file whose name begins with an article: « au », « aux »,
    /// « du », « des » for Le and Les, La and L' kept, and never « à Le », « à Les », « de Le »,
    /// « de Les ».
    @Test func everyNationalNameWithAnArticleIsContracted() throws {
        let text = try String(contentsOf: Repository.url("Sources/Planning/Resources/communes-fr.csv"), encoding: .utf8)
        let names = text.split(separator: "\n").dropFirst().compactMap { line -> String? in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return fields.count > 1 ? String(fields[1]) : nil
        }
        let withArticle = names.filter { $0.hasPrefix("Le ") || $0.hasPrefix("La ") || $0.hasPrefix("Les ") || $0.hasPrefix("L'") }
        #expect(withArticle.count > 2_000)
        for name in withArticle {
            let toward = FrenchPreposition.a.before(name)
            let from = FrenchPreposition.de.before(name)
            for wrong in ["à Le ", "à Les ", "de Le ", "de Les "] {
                #expect(!toward.hasPrefix(wrong) && !from.hasPrefix(wrong), "\(name)")
            }
            if name.hasPrefix("Les ") {
                #expect(toward == "aux " + name.dropFirst(4) && from == "des " + name.dropFirst(4))
            } else if name.hasPrefix("Le ") {
                #expect(toward == "au " + name.dropFirst(3) && from == "du " + name.dropFirst(3))
            } else {
                #expect(toward == "à " + name && from == "de " + name, "\(name)")
            }
        }
    }
}
