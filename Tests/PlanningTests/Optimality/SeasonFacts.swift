import CivilTime
import Foundation

@testable import Planning

/// A return-to-base season's facts as `season_mip.py` reads them: what the season says, and
/// the calendar's candidate evenings with their round trips — not the planner's model.
enum SeasonFacts {
    static func json(_ season: Season) throws -> Data {
        let calendar = EveningCalendar(season: season)
        var communes: [[String: Any]] = []
        for commune in season.communes {
            var candidates: [[String: Any]] = []
            for tour in season.tours where commune.tours.isEmpty || commune.tours.contains(tour.name) {
                let vehicle = season.vehicle(id: tour.vehicleID)!
                let km = season.distances.kilometres(
                    from: vehicle.base.coordinate, vehicle.base.insee, to: commune.coordinate, commune.insee)!
                for day in calendar.days(of: tour, for: commune) where day.isCandidate {
                    candidates.append([
                        "tour": tour.name, "date": day.date.description, "day": season.period.first.days(to: day.date),
                        "km": 2 * km, "preferred": day.isPreferredDay || calendar.isPreferred(day.date, by: commune),
                    ])
                }
            }
            communes.append([
                "insee": commune.insee, "population": commune.population, "hasCafe": commune.hasCafe as Any,
                "minVisits": commune.minVisits, "maxVisits": commune.maxVisits, "candidates": candidates,
            ])
        }
        let weights = season.objective
        let facts: [String: Any] = [
            "weights": [
                "missedVisitPenalty": weights.missedVisitPenalty, "noCafeFactor": weights.noCafeFactor,
                "smallVillagePopulation": weights.smallVillagePopulation, "smallVillageFactor": weights.smallVillageFactor,
                "preferredDateBonus": weights.preferredDateBonus,
            ],
            "minDaysBetweenVisits": season.minDaysBetweenVisits,
            "tours": season.tours.map { ["name": $0.name, "vehicle": $0.vehicleID, "evenings": $0.evenings] },
            "vehicles": season.vehicles.map { vehicle in
                [
                    "id": vehicle.id, "costPerKm": vehicle.costPerKm, "speedKmh": vehicle.speedKmh,
                    "maxKmPerEvening": vehicle.maxKmPerEvening as Any, "maxKmPerDay": vehicle.maxKmPerDay as Any,
                    "maxDrivingMinutesPerDay": vehicle.maxDrivingMinutesPerDay as Any,
                ] as [String: Any]
            },
            "communes": communes,
        ]
        return try JSONSerialization.data(withJSONObject: facts, options: [.sortedKeys])
    }
}
