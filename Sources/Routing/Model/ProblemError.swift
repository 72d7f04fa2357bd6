/// Why a problem description was rejected.
public enum ProblemError: Error, Sendable, Hashable {
    /// The matrix holds `found` values where `expected` were needed.
    case matrixSize(expected: Int, found: Int)
    /// An explicit matrix row has the wrong length.
    case matrixRow(row: Int, expected: Int, found: Int)
    /// A matrix value is negative or not finite.
    case matrixValue(from: Int, to: Int, value: Double)
    /// The distance and duration matrices do not have the same size.
    case matrixMismatch(distances: Int, durations: Int)
    /// A job refers to a location outside the matrices.
    case jobLocation(job: Int, location: Int)
    /// A vehicle refers to a location outside the matrices.
    case vehicleLocation(vehicle: Int, location: Int)
    /// A job's windows are not sorted, overlap, or have start after end.
    case jobWindows(job: Int)
    /// A vehicle's shift has an infinite start, or a start after its end.
    case vehicleShift(vehicle: Int)
    /// A job's demand has a different number of dimensions than the others.
    case demandDimensions(job: Int, expected: Int, found: Int)
    /// A vehicle's capacity has a different number of dimensions than the demands.
    case capacityDimensions(vehicle: Int, expected: Int, found: Int)
    /// A job refers to a group that does not exist.
    case jobGroup(job: Int, group: Int)
    /// A job's set of alternatives is negative.
    case jobAlternatives(job: Int, set: Int)
    /// A negative service duration, demand or penalty.
    case negativeValue(job: Int)
    /// There is no vehicle.
    case noVehicle
}
