import TextFormats

/// `map.svg`: the plan's evenings as a `TourMap` over the départements in view.
public enum PlanMapSVG {
    /// The plan's map, with its evenings, kilometres and CO2 in the legend.
    public static func map(_ plan: Plan) -> TourMap {
        let summary = plan.summary
        return TourMap.of(
            plan.season, evenings: plan.events.map { TourMap.Evening(date: $0.date, tour: $0.tour, insee: $0.insee) },
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
