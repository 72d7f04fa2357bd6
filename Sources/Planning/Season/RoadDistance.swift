/// Road kilometres between two places under the season's distance source.
extension DistanceSource {
    /// The road distance in km: great-circle × detour factor, or the imported matrix's value
    /// (nil when the matrix lacks the pair or a place has no INSEE code).
    public func kilometres(from: Coordinate, _ fromInsee: String?, to: Coordinate, _ toInsee: String?) -> Double? {
        switch self {
        case .detour(let factor):
            return from.kilometres(to: to) * factor
        case .matrix(let file):
            guard let fromInsee, let toInsee else { return nil }
            return file.leg(from: fromInsee, to: toInsee)?.km
        }
    }
}
