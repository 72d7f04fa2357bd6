/// The DATA payload of RFC 5321 §4.5.2: CRLF line ends, dot-stuffing, and the final "." line.
enum SMTPData {
    /// The longest line SMTP carries, CRLF excluded (RFC 5321 §4.5.3.1.6).
    static let maximumLineLength = 998

    /// The payload, or the 1-based number of the first line longer than 998 octets. O(n).
    static func encode(_ data: [UInt8]) -> Result<[UInt8], LineTooLong> {
        var lines = HardLines.split(data)
        if lines.count > 1 && lines.last!.isEmpty { lines.removeLast() }
        var output: [UInt8] = []
        output.reserveCapacity(data.count + data.count / 50 + 5)
        for (index, line) in lines.enumerated() {
            guard line.count <= maximumLineLength else { return .failure(LineTooLong(line: index + 1, length: line.count)) }
            if line.first == UInt8(ascii: ".") { output.append(UInt8(ascii: ".")) }
            output += line
            output += [13, 10]
        }
        output += Array(".\r\n".utf8)
        return .success(output)
    }

    /// A line over the SMTP limit.
    struct LineTooLong: Error {
        /// 1-based line number in the message.
        let line: Int
        /// Its length in octets.
        let length: Int
    }
}
