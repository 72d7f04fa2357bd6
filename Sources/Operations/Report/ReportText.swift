import CivilTime
import Store

/// The report's words and figures in French, shared by the Markdown and HTML renderings so both
/// say exactly the same thing.
public enum ReportText {
    /// One headline figure: what it counts and its value, formatted.
    public struct Figure: Equatable, Sendable {
        /// What it counts ("Personnes touchées").
        public var label: String
        /// The value ("5 000").
        public var value: String
    }

    /// One externality: its name, the formula with its factors, and the result.
    public struct Formula: Equatable, Sendable {
        /// The figure ("Activité économique locale").
        public var label: String
        /// The formula with the numbers used.
        public var formula: String
        /// The result with its unit.
        public var result: String
    }

    /// The headline figures, in the order a funder reads them.
    public static func headline(_ report: SeasonReport) -> [Figure] {
        let h = report.headline
        let f = h.figures
        var figures = [
            Figure(label: "Personnes touchées", value: FrenchNumber.format(h.people)),
            Figure(label: "Soirées", value: FrenchNumber.format(h.evenings)),
            Figure(label: "Communes d'accueil", value: FrenchNumber.format(h.communes)),
            Figure(label: "Animations", value: FrenchNumber.format(h.animations)),
            Figure(label: "Associations locales", value: FrenchNumber.format(h.associations)),
            Figure(label: "Producteurs locaux", value: FrenchNumber.format(h.producers)),
            Figure(label: "Artistes", value: FrenchNumber.format(h.artists)),
        ]
        if h.foodTrucks > 0 { figures.append(Figure(label: "Food trucks", value: FrenchNumber.format(h.foodTrucks))) }
        if h.otherPartners > 0 { figures.append(Figure(label: "Autres partenaires", value: FrenchNumber.format(h.otherPartners))) }
        figures += [
            Figure(label: "Externalités positives pour l'économie locale", value: FrenchNumber.with(f.localEconomyEuros, unit: "€")),
            Figure(label: "Kilomètres parcourus par la tournée", value: FrenchNumber.with(f.tourKm, unit: "km")),
            Figure(label: "CO2 émis par la tournée", value: FrenchNumber.with(f.tourKgCO2, unit: "kg")),
            Figure(label: "Kilomètres en voiture évités aux habitants", value: FrenchNumber.with(f.avoidedCarKm, unit: "km")),
            Figure(label: "CO2 évité aux habitants", value: FrenchNumber.with(f.avoidedKgCO2, unit: "kg")),
        ]
        if h.volunteers > 0 {
            figures.append(Figure(label: "Bénévoles mobilisés (cumul des soirées)", value: FrenchNumber.format(h.volunteers)))
        }
        return figures
    }

    /// Each externality with its formula and the factors used.
    public static func formulas(_ report: SeasonReport) -> [Formula] {
        let model = report.model
        let f = report.headline.figures
        let sales = report.evenings.reduce(0) { $0 + ($1.record.entry.salesCents ?? 0) }
        let spend = report.evenings.reduce(0) { $0 + ($1.record.entry.localSpendCents ?? 0) }
        let people = report.headline.people
        let overridden = report.evenings.contains { model.alternativeKmByCommune[$0.commune.insee] != nil }
        let distance =
            overridden
            ? "distance aller de chaque commune (\(FrenchNumber.factor(model.defaultAlternativeKm.value)) km par défaut)"
            : FrenchNumber.factor(model.defaultAlternativeKm.value) + "\u{00A0}km aller"
        let vehicles = Set(report.evenings.map(\.event.planned.vehicle)).sorted()
        let vehicleFactors = Set(vehicles.map { model.tourKgCO2PerKm(vehicle: $0) }).sorted()
        return [
            Formula(
                label: "Activité économique locale",
                formula:
                    "(ventes des producteurs et partenaires \(FrenchNumber.with(Double(sales) / 100, unit: "€", decimals: 2)) + dépenses locales de la tournée \(FrenchNumber.with(Double(spend) / 100, unit: "€", decimals: 2))) × multiplicateur local \(FrenchNumber.factor(model.localMultiplier.value))",
                result: FrenchNumber.with(f.localEconomyEuros, unit: "€")),
            Formula(
                label: "Kilomètres en voiture évités",
                formula:
                    "\(FrenchNumber.format(people)) participants × \(FrenchNumber.factor(model.shareWhoWouldHaveDriven.value)) (part qui aurait pris la voiture) × \(distance) × \(FrenchNumber.factor(model.tripsPerOuting.value)) trajets ÷ \(FrenchNumber.factor(model.peoplePerCar.value)) personnes par voiture",
                result: FrenchNumber.with(f.avoidedCarKm, unit: "km")),
            Formula(
                label: "CO2 évité",
                formula: "\(FrenchNumber.with(f.avoidedCarKm, unit: "km")) × \(FrenchNumber.factor(model.carKgCO2PerKm.value)) kg CO2e/km",
                result: FrenchNumber.with(f.avoidedKgCO2, unit: "kg")),
            Formula(
                label: "Kilomètres de la tournée",
                formula: "somme des kilomètres du plan pour les \(FrenchNumber.format(report.headline.evenings)) soirées tenues",
                result: FrenchNumber.with(f.tourKm, unit: "km")),
            Formula(
                label: "CO2 de la tournée",
                formula: vehicleFactors.count > 1
                    ? "kilomètres de chaque soirée × facteur de son véhicule (\(vehicleFactors.map(FrenchNumber.factor).joined(separator: ", ")) kg CO2e/km)"
                    : "\(FrenchNumber.with(f.tourKm, unit: "km")) × \(FrenchNumber.factor(vehicleFactors.first ?? model.tourKgCO2PerKm.value)) kg CO2e/km",
                result: FrenchNumber.with(f.tourKgCO2, unit: "kg")),
            Formula(
                label: "Bilan CO2 (évité − émis)",
                formula: "\(FrenchNumber.with(f.avoidedKgCO2, unit: "kg")) − \(FrenchNumber.with(f.tourKgCO2, unit: "kg"))",
                result: FrenchNumber.with(f.avoidedKgCO2 - f.tourKgCO2, unit: "kg")),
        ]
    }

    /// The period in words ("du 2023-05-06 au 2023-09-23").
    public static func period(_ season: SeasonRecord) -> String {
        "du \(frenchDate(season.firstDate)) au \(frenchDate(season.lastDate))"
    }

    /// The date as `DD/MM/YYYY`.
    public static func frenchDate(_ date: CivilDate) -> String {
        "\(CivilDate.twoDigits(date.day))/\(CivilDate.twoDigits(date.month))/\(CivilDate.digits(date.year, 4))"
    }

    /// The partners of a record by kind, e.g. "Les Amis du Der (association), …".
    public static func partners(_ record: EveningRecord) -> String {
        record.partners.map { "\($0.name) (\(kindName($0.kind)))" }.joined(separator: ", ")
    }

    /// A partner kind in French.
    public static func kindName(_ kind: PartnerKind) -> String {
        switch kind {
        case .association: "association"
        case .producer: "producteur"
        case .artist: "artiste"
        case .foodTruck: "food truck"
        case .other: "autre"
        }
    }
}
