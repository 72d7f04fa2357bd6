import Foundation
import TextFormats

/// `map.svg`: the plan as a `TourMap` — every host commune sized by its population, each tour's
/// evenings numbered in date order and its legs as driven, the communes the plan leaves out told
/// apart by whether they asked for a visit.
public enum PlanMapSVG {
    /// The plan's map; the communes in the order their names get the room.
    public static func map(_ plan: Plan) -> TourMap {
        let season = plan.season
        let events = plan.events.sorted { ($0.date, $0.tour) < ($1.date, $1.tour) }
        var firstEvening: [String: Int] = [:]
        for (index, event) in events.enumerated() where firstEvening[event.insee] == nil { firstEvening[event.insee] = index }
        // Served communes by first evening, then those that wanted a visit, then the others.
        func rank(_ commune: Commune) -> (group: Int, first: Int) {
            if let first = firstEvening[commune.insee] { return (0, first) }
            return (commune.minVisits > 0 ? 1 : 2, 0)
        }
        let ordered = season.communes.enumerated().sorted { a, b in
            (rank(a.element).group, rank(a.element).first, a.offset) < (rank(b.element).group, rank(b.element).first, b.offset)
        }.map(\.element)
        let index = Dictionary(ordered.enumerated().map { ($0.element.insee, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let communes = ordered.map { commune in
            TourMap.Commune(
                name: commune.name, coordinate: commune.coordinate, radius: 3 + 2 * log10(Double(max(commune.population, 10))),
                visit: firstEvening[commune.insee] != nil ? .served : commune.minVisits > 0 ? .missed : .optional)
        }
        let tours = season.tours.map { tour in
            let vehicle = season.vehicle(id: tour.vehicleID)
            return TourMap.Tour(
                name: tour.name, base: vehicle?.base, travel: vehicle?.travel,
                stops: events.filter { $0.tour == tour.name }.compactMap { event in
                    index[event.insee].map { TourMap.Stop(date: event.date, commune: $0) }
                })
        }
        let summary = plan.summary
        return TourMap(
            title: season.name, communes: communes, tours: tours, sizeNote: "taille selon la population",
            figures: [
                "\(summary.evenings) soirées sur \(summary.eveningsWanted)",
                "\(JSONOutput.fixed(summary.km, decimals: 0)) km, \(JSONOutput.fixed(summary.co2Kg, decimals: 0)) kg de CO2",
            ])
    }

    /// The map as SVG text, over `outlines` when given. Same plan, same bytes.
    public static func render(_ plan: Plan, outlines: DepartementOutlines?) -> String {
        TourMapSVG.render(map(plan), outlines: outlines)
    }
}
