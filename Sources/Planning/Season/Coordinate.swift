import Foundation

/// A WGS84 position in decimal degrees.
public struct Coordinate: Hashable, Sendable {
    /// Latitude, -90 to 90.
    public let latitude: Double
    /// Longitude, -180 to 180.
    public let longitude: Double

    /// Creates a coordinate; the caller validates the ranges.
    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Great-circle distance in kilometres (haversine on a sphere of radius 6 371 km).
    public func kilometres(to other: Coordinate) -> Double {
        let radians = Double.pi / 180
        let dLat = (other.latitude - latitude) * radians
        let dLon = (other.longitude - longitude) * radians
        let a =
            sin(dLat / 2) * sin(dLat / 2)
            + cos(latitude * radians) * cos(other.latitude * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6_371.0 * asin(min(1, sqrt(a)))
    }
}
