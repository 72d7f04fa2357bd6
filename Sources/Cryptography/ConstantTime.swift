/// Comparisons whose duration does not depend on where two secrets differ, so that a client
/// timing the answers to forged MACs learns nothing about the right one.
public enum ConstantTime {
    /// Whether `first` and `second` hold the same bytes. The time depends only on the lengths
    /// (which are public: a MAC's length is fixed); every byte is read whatever the result.
    public static func equal(_ first: some Collection<UInt8>, _ second: some Collection<UInt8>) -> Bool {
        guard first.count == second.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(first, second) { difference |= left ^ right }
        return difference == 0
    }
}
