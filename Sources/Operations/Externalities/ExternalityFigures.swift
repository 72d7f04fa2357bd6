import Store

/// The externalities of an evening, a commune or a season: what the model gives from the
/// recorded figures. Sums add up exactly because money stays in cents until multiplied.
public struct ExternalityFigures: Equatable, Sendable {
    /// Money spent locally: producers' and partners' sales plus the tour's local spending, cents.
    public var spentLocallyCents: Int
    /// Local economic activity: spent locally × the local multiplier, euros.
    public var localEconomyEuros: Double
    /// Car kilometres residents did not drive.
    public var avoidedCarKm: Double
    /// CO2 of those kilometres, kg.
    public var avoidedKgCO2: Double
    /// Kilometres the tour drove (from the plan).
    public var tourKm: Double
    /// CO2 of the tour's kilometres, kg.
    public var tourKgCO2: Double

    /// Nothing.
    public static let zero = ExternalityFigures(
        spentLocallyCents: 0, localEconomyEuros: 0, avoidedCarKm: 0,
        avoidedKgCO2: 0, tourKm: 0, tourKgCO2: 0)

    /// Sums two sets of figures.
    public static func + (lhs: ExternalityFigures, rhs: ExternalityFigures) -> ExternalityFigures {
        ExternalityFigures(
            spentLocallyCents: lhs.spentLocallyCents + rhs.spentLocallyCents,
            localEconomyEuros: lhs.localEconomyEuros + rhs.localEconomyEuros,
            avoidedCarKm: lhs.avoidedCarKm + rhs.avoidedCarKm,
            avoidedKgCO2: lhs.avoidedKgCO2 + rhs.avoidedKgCO2,
            tourKm: lhs.tourKm + rhs.tourKm, tourKgCO2: lhs.tourKgCO2 + rhs.tourKgCO2)
    }

    /// One evening's figures:
    /// local economy = (sales + local spend) × multiplier;
    /// avoided car km = attendance × share who would have driven × one-way distance × trips ÷ people per car;
    /// avoided CO2 = avoided km × car factor; tour CO2 = plan km × vehicle factor.
    public static func evening(_ record: NewEveningRecord, event: PlannedEventRecord, model: ExternalityModel) -> ExternalityFigures {
        let spent = (record.salesCents ?? 0) + (record.localSpendCents ?? 0)
        let avoidedKm =
            Double(record.attendance) * model.shareWhoWouldHaveDriven.value
            * model.alternativeKm(insee: event.insee) * model.tripsPerOuting.value / model.peoplePerCar.value
        return ExternalityFigures(
            spentLocallyCents: spent,
            localEconomyEuros: Double(spent) / 100 * model.localMultiplier.value,
            avoidedCarKm: avoidedKm, avoidedKgCO2: avoidedKm * model.carKgCO2PerKm.value,
            tourKm: event.km, tourKgCO2: event.km * model.tourKgCO2PerKm(vehicle: event.vehicle))
    }
}
