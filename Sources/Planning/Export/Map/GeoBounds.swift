/// A box of longitudes and latitudes, to keep only the outlines a map shows.
public struct GeoBounds: Sendable, Equatable {
    /// Westmost and eastmost longitudes.
    public var minLongitude: Double, maxLongitude: Double
    /// Southmost and northmost latitudes.
    public var minLatitude: Double, maxLatitude: Double

    /// The smallest box holding `points`; nil for none.
    public init?(_ points: [Coordinate]) {
        guard let first = points.first else { return nil }
        self.init(minLongitude: first.longitude, maxLongitude: first.longitude, minLatitude: first.latitude, maxLatitude: first.latitude)
        for point in points.dropFirst() {
            minLongitude = min(minLongitude, point.longitude)
            maxLongitude = max(maxLongitude, point.longitude)
            minLatitude = min(minLatitude, point.latitude)
            maxLatitude = max(maxLatitude, point.latitude)
        }
    }

    /// A box of the given sides.
    public init(minLongitude: Double, maxLongitude: Double, minLatitude: Double, maxLatitude: Double) {
        self.minLongitude = minLongitude
        self.maxLongitude = maxLongitude
        self.minLatitude = minLatitude
        self.maxLatitude = maxLatitude
    }

    /// Whether the two boxes share a point.
    public func intersects(_ other: GeoBounds) -> Bool {
        minLongitude <= other.maxLongitude && other.minLongitude <= maxLongitude && minLatitude <= other.maxLatitude
            && other.minLatitude <= maxLatitude
    }
}
