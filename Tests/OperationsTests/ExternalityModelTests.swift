import Foundation
import Operations
import Store
import TestSupport
import Testing

struct ExternalityModelTests {
    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("config/externalities.json")

    @Test func theShippedModelGivesEveryFactorAUnitAndASource() throws {
        let model = try ExternalityModel.parse(String(contentsOf: Self.shipped, encoding: .utf8), file: "externalities.json")
        #expect(model.factors.map(\.key) == ExternalityModel.factorKeys)
        #expect(model.factors.allSatisfy { !$0.factor.unit.isEmpty && !$0.factor.source.isEmpty })
        #expect(model.shareWhoWouldHaveDriven.source == "hypothèse de l'équipe")
    }

    @Test func eveningFiguresFollowTheFormulasAndOverrides() throws {
        let text = """
            {"localMultiplier": {"value": 2, "unit": "u", "source": "s", "label": "l"},
             "shareWhoWouldHaveDriven": {"value": 0.5, "unit": "u", "source": "s", "label": "l"},
             "defaultAlternativeKm": {"value": 10, "unit": "km", "source": "s", "label": "l"},
             "peoplePerCar": {"value": 2, "unit": "u", "source": "s", "label": "l"},
             "tripsPerOuting": {"value": 2, "unit": "u", "source": "s", "label": "l"},
             "carKgCO2PerKm": {"value": 0.2, "unit": "u", "source": "s", "label": "l"},
             "tourKgCO2PerKm": {"value": 0.3, "unit": "u", "source": "s", "label": "l"},
             "alternativeKmByCommune": {"52001": 30}, "tourKgCO2PerKmByVehicle": {"velo": 0}}
            """
        let model = try ExternalityModel.parse(text, file: "m.json")
        let slot = EventSlot(date: "2023-05-12", localStart: "18:30", localEnd: "23:30", startsAt: 0, endsAt: 1)
        let record = NewEveningRecord(eventID: "e", attendance: 100, localSpendCents: 10_000, salesCents: 40_050)
        let here = ExternalityFigures.evening(
            record,
            event: PlannedEventRecord(
                id: "e", seasonID: "s", insee: "51001", slot: slot,
                vehicle: "camion", tour: nil, km: 40), model: model)
        #expect(here.spentLocallyCents == 50_050)
        #expect(here.localEconomyEuros == 1001)
        let expectedKm: Double = 100.0 * 0.5 * 10.0 * 2.0 / 2.0
        #expect(here.avoidedCarKm == expectedKm)
        #expect(abs(here.avoidedKgCO2 - 100) < 1e-9)
        #expect(abs(here.tourKgCO2 - 12) < 1e-9)
        let there = ExternalityFigures.evening(
            record,
            event: PlannedEventRecord(
                id: "e", seasonID: "s", insee: "52001", slot: slot,
                vehicle: "velo", tour: nil, km: 40), model: model)
        #expect(there.avoidedCarKm == 1500)
        #expect(there.tourKgCO2 == 0)
    }

    @Test func badFactorsAreNamed() {
        do {
            _ = try ExternalityModel.parse(#"{"localMultiplier": {"value": "1,7"}, "bonus": 3}"#, file: "m.json")
            Issue.record("accepted a bad model")
        } catch {
            #expect(
                error.problems.map(\.key) == [
                    "bonus", "localMultiplier.value", "localMultiplier.unit", "localMultiplier.source",
                    "localMultiplier.label", "shareWhoWouldHaveDriven", "defaultAlternativeKm",
                    "peoplePerCar", "tripsPerOuting", "carKgCO2PerKm", "tourKgCO2PerKm",
                ])
            #expect(error.problems.allSatisfy { $0.file == "m.json" && $0.line == 1 })
        }
    }
}
