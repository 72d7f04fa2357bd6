import CivilTime
import SeasonVocabulary
import Store
import TestSupport
import Testing

@Suite struct CommuneStoreTests {
    @Test func savesUpdatesAndListsCommunes() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try makeDatabase(in: directory)
        let store = CommuneStore(database)
        let corsican = CommuneRecord(
            insee: "2A004", name: "Ajaccio", latitude: 41.9192, longitude: 8.7386,
            population: nil, hasCafe: true)
        try store.save(corsican)
        var giffaumont = try #require(try store.commune(insee: "51217"))
        giffaumont.hasCafe = true
        try store.save(giffaumont)
        #expect(try store.all().map(\.insee) == ["2A004", "51217", "52448"])
        #expect(try store.commune(insee: "2A004") == corsican)
        #expect(try store.commune(insee: "51217")?.hasCafe == true)
        #expect(try store.commune(insee: "00000") == nil)
        var wrong = corsican
        wrong.latitude = 91
        #expect(throws: DatabaseError.self) { try store.save(wrong) }
    }

    @Test func contactsAreReplacedAsAWholeInOrder() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try makeDatabase(in: directory)
        let store = CommuneStore(database)
        try store.replaceContacts(
            insee: "52448",
            with: [
                MairieContactRecord(name: "Secrétariat", email: "mairie@example.fr"),
                MairieContactRecord(name: "Mme la Maire", role: "maire", phone: "03 25 00 00 00"),
            ])
        let replacement = [MairieContactRecord(name: "M. l'Adjoint", role: "adjoint", email: "adjoint@example.fr")]
        try store.replaceContacts(insee: "52448", with: replacement)
        #expect(try store.contacts(insee: "52448") == replacement)
        #expect(try store.contacts(insee: "51217") == [])
        #expect(throws: StoreError.communeNotFound(insee: "99999")) {
            try store.replaceContacts(insee: "99999", with: replacement)
        }
    }
}
