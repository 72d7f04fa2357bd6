/// A point in the plane, in the caller's distance unit (benchmark formats use plain coordinates).
public struct Point: Sendable, Hashable {
    /// Abscissa.
    public var x: Double
    /// Ordinate.
    public var y: Double

    /// Creates a point from its two coordinates.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A position on the Earth in decimal degrees (WGS 84 latitude and longitude).
public struct GeoCoordinate: Sendable, Hashable {
    /// Latitude in degrees, positive north.
    public var latitude: Double
    /// Longitude in degrees, positive east.
    public var longitude: Double

    /// Creates a coordinate from latitude and longitude in degrees.
    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}
