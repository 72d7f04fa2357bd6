import Foundation
import TextFormats

/// The outlines of the metropolitan départements, the background of the maps: a planner
/// recognises the Marne or the Lozère before reading a single village name.
///
/// Shipped as `departements.geojson` (simplified IGN GEOFLA outlines under the Licence Ouverte;
/// docs/maps.md says where the file comes from). A GeoJSON `FeatureCollection` of `Polygon` and
/// `MultiPolygon` features with the properties `code` and `nom`.
public struct DepartementOutlines: Sendable {
    /// One département.
    public struct Outline: Sendable {
        /// Its code ("51", "2A").
        public let code: String
        /// Its name ("Marne").
        public let name: String
        /// Its rings, outer and inner alike: the map fills them even-odd.
        public let rings: [[Coordinate]]
        /// The box around its rings.
        public let bounds: GeoBounds
    }

    /// The départements in file order.
    public let outlines: [Outline]

    /// The file as shipped, or where `$TOURNEE_DEPARTEMENTS_FILE` points.
    public static let shippedFile = ShippedFile(
        fileName: "departements.geojson", environmentKey: "TOURNEE_DEPARTEMENTS_FILE",
        description: "fond de carte des départements")

    /// The shipped outlines, read once per process; the error when they cannot be.
    public static let shipped: Result<DepartementOutlines, SeasonError> = Result { () throws(SeasonError) in
        try loadShipped(environment: ProcessInfo.processInfo.environment)
    }

    /// Reads the shipped file (see `shippedFile` for where it is looked for).
    public static func loadShipped(environment: [String: String]) throws(SeasonError) -> DepartementOutlines {
        let (text, path) = try shippedFile.read(environment: environment, limit: 16 * 1024 * 1024)
        return try DepartementOutlines(geoJSON: text, file: path)
    }

    /// Reads a GeoJSON text; every fault is an issue naming `file`, the line and the member.
    public init(geoJSON text: String, file: String) throws(SeasonError) {
        func refuse(_ line: Int?, _ key: String, _ message: String) -> SeasonError {
            SeasonError(issues: [FileIssue(.error, file: file, line: line, key: key, message: message)])
        }
        let root: JSONValue.Located
        do { root = try JSONParser.parse(text) } catch {
            throw SeasonError(issues: [FileIssue(.error, file: file, line: error.line, key: nil, message: error.message)])
        }
        guard case .object(let members) = root.value, let features = members.first(where: { $0.key == "features" }),
            case .array(let list) = features.value.value
        else {
            throw refuse(root.line, "features", "une collection GeoJSON attendue (« features » : une liste d'entités)")
        }
        var outlines: [Outline] = []
        for (index, feature) in list.enumerated() {
            let key = "features[\(index)]"
            guard case .object(let fields) = feature.value,
                case .object(let properties)? = fields.first(where: { $0.key == "properties" })?.value.value,
                case .string(let code)? = properties.first(where: { $0.key == "code" })?.value.value,
                case .string(let name)? = properties.first(where: { $0.key == "nom" })?.value.value
            else {
                throw refuse(feature.line, key + ".properties", "les propriétés « code » et « nom » (textes) attendues")
            }
            guard case .object(let geometry)? = fields.first(where: { $0.key == "geometry" })?.value.value,
                case .string(let type)? = geometry.first(where: { $0.key == "type" })?.value.value,
                let coordinates = geometry.first(where: { $0.key == "coordinates" })?.value
            else {
                throw refuse(feature.line, key + ".geometry", "une géométrie avec « type » et « coordinates » attendue")
            }
            let polygons: [JSONValue.Located]
            switch (type, coordinates.value) {
            case ("Polygon", _): polygons = [coordinates]
            case ("MultiPolygon", .array(let list)): polygons = list
            default:
                throw refuse(
                    coordinates.line, key + ".geometry.type", "« \(type) » trouvé, Polygon ou MultiPolygon (liste de polygones) attendu")
            }
            var rings: [[Coordinate]] = []
            for polygon in polygons {
                guard case .array(let ringList) = polygon.value else {
                    throw refuse(polygon.line, key + ".geometry.coordinates", "une liste d'anneaux attendue")
                }
                for ring in ringList {
                    guard let positions = Self.ring(ring.value) else {
                        throw refuse(
                            ring.line, key + ".geometry.coordinates",
                            "un anneau d'au moins 4 positions [longitude, latitude] en degrés attendu")
                    }
                    rings.append(positions)
                }
            }
            guard let bounds = GeoBounds(rings.flatMap { $0 }) else {
                throw refuse(coordinates.line, key + ".geometry.coordinates", "un contour vide trouvé, au moins un anneau attendu")
            }
            outlines.append(Outline(code: code, name: name, rings: rings, bounds: bounds))
        }
        self.outlines = outlines
    }

    /// A ring's positions, nil unless it has at least four [longitude, latitude] in range.
    private static func ring(_ value: JSONValue) -> [Coordinate]? {
        guard case .array(let list) = value, list.count >= 4 else { return nil }
        var positions: [Coordinate] = []
        positions.reserveCapacity(list.count)
        for position in list {
            guard case .array(let pair) = position.value, pair.count >= 2, case .number(let longitude, _) = pair[0].value,
                case .number(let latitude, _) = pair[1].value, (-180...180).contains(longitude), (-90...90).contains(latitude)
            else { return nil }
            positions.append(Coordinate(latitude: latitude, longitude: longitude))
        }
        return positions
    }

    /// The départements whose box meets `view`, in file order.
    public func inView(_ view: GeoBounds) -> [Outline] {
        outlines.filter { $0.bounds.intersects(view) }
    }
}
