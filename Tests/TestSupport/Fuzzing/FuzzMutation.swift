/// One way of damaging an input; `FuzzMutator` draws a few per case.
public enum FuzzMutation: String, CaseIterable, Sendable {
    /// Flips one bit of one byte.
    case flipBit
    /// Inserts a few random bytes (any value, NUL included).
    case insertBytes
    /// Deletes a run of bytes.
    case deleteBytes
    /// Deletes one line.
    case deleteLine
    /// Writes one line twice.
    case duplicateLine
    /// Swaps two lines.
    case swapLines
    /// Replaces a number by an extreme one: 0, -1, 2^63, 1e308, NaN, a huge digit string…
    case extremeNumber
    /// Inserts an invalid UTF-8 sequence (lone continuation byte, overlong form, surrogate, 0xFF).
    case invalidUTF8
    /// Cuts the input at a random place.
    case truncate
    /// Joins the start of this input to the end of another seed input.
    case splice
    /// Repeats one line many times, up to the maximum size.
    case repeatLine

    /// Numbers that break naive parsing or arithmetic; each replaces a number found in the input.
    public static let extremeNumbers = [
        "0", "-0", "-1", "1", "2", "-2147483649", "4294967296", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "-9223372036854775809", "99999999999999999999", String(repeating: "9", count: 400),
        "1e308", "-1e308", "1e309", "1e-320", "NaN", "nan", "inf", "-inf", "Infinity", "0x10", "1.5", "-0.5", "1e15",
    ]

    /// Invalid UTF-8 sequences, one of which `invalidUTF8` inserts.
    public static let invalidSequences: [[UInt8]] = [
        [0x80], [0xBF, 0xBF], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
        [0xFF], [0xFE, 0xFF], [0xC3], [0xF4, 0x90, 0x80, 0x80],
    ]

    /// Applies the mutation to `bytes` (`other` is another seed input, for `splice`), never growing past `maximumSize`.
    public func apply(
        to bytes: inout [UInt8], other: [UInt8], maximumSize: Int, using random: inout SeededRandom
    ) {
        switch self {
        case .flipBit:
            guard !bytes.isEmpty else { return }
            bytes[random.below(bytes.count)] ^= UInt8(1) << UInt8(random.below(8))
        case .insertBytes:
            let inserted = (0..<(1 + random.below(8))).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            bytes.insert(contentsOf: inserted, at: random.below(bytes.count + 1))
        case .deleteBytes:
            guard !bytes.isEmpty else { return }
            let start = random.below(bytes.count)
            bytes.removeSubrange(start..<min(bytes.count, start + 1 + random.below(32)))
        case .deleteLine, .duplicateLine, .swapLines, .repeatLine:
            applyToLines(&bytes, maximumSize: maximumSize, using: &random)
        case .extremeNumber:
            let numbers = Self.numberRanges(in: bytes)
            guard !numbers.isEmpty else { return }
            let replaced = numbers[random.below(numbers.count)]
            let value = Self.extremeNumbers[random.below(Self.extremeNumbers.count)]
            bytes.replaceSubrange(replaced, with: Array(value.utf8))
        case .invalidUTF8:
            let sequence = Self.invalidSequences[random.below(Self.invalidSequences.count)]
            bytes.insert(contentsOf: sequence, at: random.below(bytes.count + 1))
        case .truncate:
            bytes.removeSubrange(random.below(bytes.count + 1)...)
        case .splice:
            let head = bytes.prefix(random.below(bytes.count + 1))
            let tail = other.suffix(random.below(other.count + 1))
            bytes = Array(head) + Array(tail)
        }
        if bytes.count > maximumSize {
            bytes.removeSubrange(maximumSize...)
        }
    }

    private func applyToLines(_ bytes: inout [UInt8], maximumSize: Int, using random: inout SeededRandom) {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        guard !lines.isEmpty else { return }
        let chosen = random.below(lines.count)
        switch self {
        case .deleteLine:
            lines.remove(at: chosen)
        case .duplicateLine:
            lines.insert(lines[chosen], at: chosen)
        case .swapLines:
            lines.swapAt(chosen, random.below(lines.count))
        case .repeatLine:
            // Bounded by the room left, so a long line cannot blow the size limit before the final cut.
            let room = max(0, maximumSize - bytes.count) / (lines[chosen].count + 1)
            let times = min(room, 1 + random.below(10_000))
            lines.insert(contentsOf: repeatElement(lines[chosen], count: times), at: chosen)
        default:
            return
        }
        bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
    }

    /// The ranges of the input's numbers: runs of digits with their sign, decimal point and exponent.
    public static func numberRanges(in bytes: [UInt8]) -> [Range<Int>] {
        func isPart(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
        }
        var ranges: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else {
                index += 1
                continue
            }
            var start = index
            if start > 0 && bytes[start - 1] == UInt8(ascii: "-") { start -= 1 }
            while index < bytes.count && isPart(bytes[index]) { index += 1 }
            ranges.append(start..<index)
        }
        return ranges
    }
}
