import Testing

@testable import Operations

/// The LOCATION of an evening: the place, the commune and its département from the INSEE code.
struct EveningLocationTests {
    @Test(arguments: [("51008", "51"), ("01001", "01"), ("2A004", "2A"), ("2B033", "2B"), ("97411", "974"), ("97209", "972")])
    func theDepartementIsTheINSEECodesStart(insee: String, departement: String) {
        #expect(EveningLocation.departement(insee: insee) == departement)
    }

    @Test func thePlaceComesFirstAndAnEmptyPlaceIsLeftOut() {
        #expect(
            EveningLocation.text(place: "place de l'Église", communeName: "Ambrières", insee: "51008")
                == "place de l'Église, Ambrières (51)")
        #expect(EveningLocation.text(place: nil, communeName: "Ambrières", insee: "51008") == "Ambrières (51)")
        #expect(EveningLocation.text(place: "  ", communeName: "Ajaccio", insee: "2A004") == "Ajaccio (2A)")
    }
}
