/// `METHOD SP origin-form SP HTTP/1.x` (RFC 9112 section 3), its path decoded by `RequestPath`.
struct RequestLine {
    let method: String
    let path: String
    let query: String?
    let minorVersion: Int

    static func parse(_ line: ArraySlice<UInt8>) -> Result<RequestLine, Refusal> {
        let parts = line.split(separator: 32, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(HTTPSyntax.isTokenCharacter) else {
            return .failure(Refusal(.badRequest, "malformed request line"))
        }
        let version = String(decoding: parts[2], as: UTF8.self)
        let minor: Int
        switch version {
        case "HTTP/1.1": minor = 1
        case "HTTP/1.0": minor = 0
        default:
            let wellFormed =
                version.utf8.count == 8 && version.hasPrefix("HTTP/")
                && version.utf8.dropFirst(5).enumerated().allSatisfy { index, byte in
                    index == 1 ? byte == UInt8(ascii: ".") : (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                }
            return .failure(wellFormed ? Refusal(.httpVersionNotSupported, "version") : Refusal(.badRequest, "malformed version"))
        }
        let target = parts[1]
        guard target.first == UInt8(ascii: "/"), target.allSatisfy(HTTPSyntax.isTargetCharacter) else {
            return .failure(Refusal(.badRequest, "target not in origin form"))
        }
        let pathPart: ArraySlice<UInt8>
        var query: String?
        if let mark = target.firstIndex(of: UInt8(ascii: "?")) {
            pathPart = target[target.startIndex..<mark]
            query = String(decoding: target[(mark + 1)...], as: UTF8.self)
        } else {
            pathPart = target
        }
        guard let path = RequestPath.decode(pathPart) else { return .failure(Refusal(.badRequest, "bad path")) }
        return .success(RequestLine(method: String(decoding: parts[0], as: UTF8.self), path: path, query: query, minorVersion: minor))
    }
}
