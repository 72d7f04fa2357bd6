import Planning
import Store

/// What the season, rather than the database's rows, tells the mairie about an evening: where in
/// the village, when the team arrives, what the commune is asked to provide. Empty for an
/// evening whose season the database does not keep: the lines that need a fact are left out.
public struct EveningSetting: Equatable, Sendable {
    /// The place in the village ("place de l'Église"), from the communes file's `place`.
    public var place: String?
    /// The minutes the vehicle needs on site before the evening starts.
    public var setupMinutes: Int?
    /// What the commune is asked to provide, from the vehicle's `communeProvides`.
    public var communeProvides: [String]

    /// Makes a setting.
    public init(place: String? = nil, setupMinutes: Int? = nil, communeProvides: [String] = []) {
        self.place = place
        self.setupMinutes = setupMinutes
        self.communeProvides = communeProvides
    }

    /// The setting of `event` in `season`: its commune's place, its vehicle's set-up and needs.
    public init(_ event: Event, in season: Season) {
        let vehicle = season.vehicle(id: event.planned.vehicle)
        self.init(
            place: season.communes.first { $0.insee == event.planned.insee }?.place,
            setupMinutes: vehicle?.setupMinutes, communeProvides: vehicle?.communeProvides ?? [])
    }
}
