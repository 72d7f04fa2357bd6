import Cryptography

/// Percent-decoding of a request's path, segment by segment (RFC 3986 section 2.1), refusing what
/// could reach outside the routes: an invalid escape, bytes that are not UTF-8, a control
/// character, a `.` or `..` segment, and an escaped `/` or `\` (which would split a segment after
/// the check).
enum RequestPath {
    static func decode(_ raw: ArraySlice<UInt8>) -> String? {
        var segments: [String] = []
        for segment in raw.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst() {
            guard let bytes = unescape(segment), let text = String(validating: bytes, as: UTF8.self) else { return nil }
            guard text != ".", text != "..", !bytes.contains(UInt8(ascii: "/")), !bytes.contains(UInt8(ascii: "\\")),
                !text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7f...0x9f).contains($0.value) })
            else { return nil }
            segments.append(text)
        }
        return "/" + segments.joined(separator: "/")
    }

    private static func unescape(_ segment: ArraySlice<UInt8>) -> [UInt8]? {
        var bytes: [UInt8] = []
        var index = segment.startIndex
        while index < segment.endIndex {
            if segment[index] == UInt8(ascii: "%") {
                guard segment.endIndex - index >= 3, let high = Hexadecimal.value(of: segment[index + 1]),
                    let low = Hexadecimal.value(of: segment[index + 2])
                else { return nil }
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(segment[index])
                index += 1
            }
        }
        return bytes
    }
}
