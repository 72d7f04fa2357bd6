/// The largest sizes and values the benchmark readers accept, checked before anything is sized from a file.
///
/// A file states its own sizes (`DIMENSION`, vehicle number, capacity); trusting them let a one-line file make
/// the program allocate terabytes and abort, or a huge number trap in integer arithmetic.
public enum BenchmarkLimits {
    /// Nodes per instance, depot included. The solver holds a dense n × n matrix of doubles (800 MB at
    /// 10 000 nodes), and the largest instances it is measured on have 1 001 nodes.
    public static let maximumNodes = 10_000
    /// Vehicles a file may state: more vehicles than nodes can never all be used.
    public static let maximumVehicles = maximumNodes
    /// Capacities and demands: a route's load, a sum of at most `maximumNodes` demands, stays far inside `Int`.
    public static let maximumQuantity = 1_000_000_000
    /// Magnitude of any coordinate, time, duration or distance read: squared coordinate differences and sums of
    /// `maximumNodes` legs stay finite and exact to well below the reported decimals.
    public static let maximumMagnitude = 1e9
}
