import CivilTime
import SeasonVocabulary
import Store
import TestSupport
import Testing

@Suite struct PartnerStoreTests {
    @Test(arguments: [
        ("Les Amis du Dér", "les amis du der"),
        ("  LES   AMIS-du-DER ", "les amis du der"),
        ("L’Œuf d'Or", "l oeuf d or"),
        ("Ferme de la Noue", "ferme de la noue"),
    ])
    func normalisationIgnoresCaseAccentsAndPunctuation(name: String, key: String) {
        #expect(PartnerStore.normalizedName(name) == key)
    }

    @Test func findOrCreateDeduplicatesByNormalisedNameAndKind() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try makeDatabase(in: directory)
        let store = PartnerStore(database)
        let first = try store.findOrCreate(name: "Les  Amis du Dér", kind: .association)
        #expect(first.name == "Les Amis du Dér")
        let again = try store.findOrCreate(name: "les amis-du-der", kind: .association)
        #expect(again == first)
        let otherKind = try store.findOrCreate(name: "Les Amis du Der", kind: .artist)
        #expect(otherKind.id != first.id)
        try store.findOrCreate(name: "Food Truck Chez Lulu", kind: .foodTruck)
        #expect(try store.all().map(\.kind) == [.artist, .association, .foodTruck])
        #expect(try store.all(kind: .association) == [first])
        #expect(throws: StoreError.invalidValue(field: "partner name", reason: "empty or without letters")) {
            try store.findOrCreate(name: " - ", kind: .other)
        }
    }
}
