/// What the parser made of the bytes received so far on a connection.
public enum ParseResult: Equatable, Sendable {
    /// A complete request, and how many bytes it took (the next request starts there).
    case request(HTTPRequest, consumed: Int)
    /// Not enough bytes yet, and no limit passed.
    case incomplete
    /// A request the server refuses with `status`, then closes the connection; `reason` is for the
    /// log (English-free words are not needed: it never reaches the client).
    case refused(HTTPStatus, reason: String)
}

/// The HTTP/1.1 request parser (RFC 9112), a pure function over bytes: strict where leniency has
/// let requests be smuggled past proxies (bare CR or LF, obs-fold, whitespace before a colon,
/// `Transfer-Encoding`, several `Content-Length`), bounded everywhere. O(bytes given).
public enum RequestParser {
    /// The request at the start of `bytes`, or why there is none yet.
    public static func parse(_ bytes: ArraySlice<UInt8>, limits: RequestLimits = RequestLimits()) -> ParseResult {
        guard let headEnd = endOfHead(bytes, limit: limits.headBytes) else {
            if lineLength(bytes) > limits.requestLineBytes { return .refused(.uriTooLong, reason: "request line too long") }
            if bytes.count > limits.headBytes { return .refused(.requestHeaderFieldsTooLarge, reason: "head too long") }
            return lineBreakFault(bytes, complete: false).map { .refused(.badRequest, reason: $0) } ?? .incomplete
        }
        let head = bytes[bytes.startIndex..<headEnd]
        if let fault = lineBreakFault(head, complete: true) { return .refused(.badRequest, reason: fault) }
        var lines = split(lines: head)
        let requestLine = lines.removeFirst()
        guard requestLine.count <= limits.requestLineBytes else { return .refused(.uriTooLong, reason: "request line too long") }
        let start: RequestLine
        switch RequestLine.parse(requestLine) {
        case .success(let line): start = line
        case .failure(let refusal): return .refused(refusal.status, reason: refusal.reason)
        }
        guard lines.count <= limits.headerCount else { return .refused(.requestHeaderFieldsTooLarge, reason: "too many fields") }
        var headers = HTTPHeaders()
        for line in lines {
            switch field(line) {
            case .success(let (name, value)): headers.append(name, value)
            case .failure(let refusal): return .refused(refusal.status, reason: refusal.reason)
            }
        }
        if start.minorVersion == 1 && headers.values("Host").count != 1 { return .refused(.badRequest, reason: "Host missing or repeated") }
        let lengths = headers.values("Content-Length")
        if !headers.values("Transfer-Encoding").isEmpty {
            // RFC 9112 section 6.1: both is a smuggling attempt; chunked bodies are not taken.
            return lengths.isEmpty
                ? .refused(.notImplemented, reason: "Transfer-Encoding")
                : .refused(.badRequest, reason: "Transfer-Encoding with Content-Length")
        }
        guard lengths.count <= 1 else { return .refused(.badRequest, reason: "Content-Length repeated") }
        var bodyLength = 0
        if let text = lengths.first {
            guard !text.isEmpty, text.utf8.count <= 12, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                let length = Int(text)
            else { return .refused(.badRequest, reason: "Content-Length not a number") }
            guard length <= limits.bodyBytes else { return .refused(.contentTooLarge, reason: "body too long") }
            bodyLength = length
        }
        let bodyStart = headEnd + 4
        guard bytes.endIndex - bodyStart >= bodyLength else { return .incomplete }
        let tokens = headers.values("Connection").flatMap { $0.lowercased().split(separator: ",").map { $0.trimmingSpaces } }
        let keepAlive = start.minorVersion == 1 ? !tokens.contains("close") : tokens.contains("keep-alive")
        let request = HTTPRequest(
            method: start.method, path: start.path, query: start.query, headers: headers,
            body: Array(bytes[bodyStart..<bodyStart + bodyLength]),
            keepAlive: keepAlive)
        return .request(request, consumed: bodyStart + bodyLength - bytes.startIndex)
    }

    /// The index of the `\r\n\r\n` that ends the head, searched within `limit` bytes.
    static func endOfHead(_ bytes: ArraySlice<UInt8>, limit: Int) -> Int? {
        let end = min(bytes.endIndex, bytes.startIndex + limit + 4)
        var index = bytes.startIndex
        while index + 3 < end {
            if bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 { return index }
            index += 1
        }
        return nil
    }

    /// The length of the first line, or of everything when no line end came yet.
    private static func lineLength(_ bytes: ArraySlice<UInt8>) -> Int {
        (bytes.firstIndex(of: 13) ?? bytes.firstIndex(of: 10) ?? bytes.endIndex) - bytes.startIndex
    }

    /// A CR not followed by LF, or an LF not preceded by CR (RFC 9112 section 2.2 allows refusing
    /// both); a CR ending `bytes` is bare when they are a `complete` head (its line end follows).
    private static func lineBreakFault(_ bytes: ArraySlice<UInt8>, complete: Bool) -> String? {
        for index in bytes.indices {
            if bytes[index] == 13, index + 1 < bytes.endIndex ? bytes[index + 1] != 10 : complete { return "bare CR" }
            if bytes[index] == 10, index == bytes.startIndex || bytes[index - 1] != 13 { return "bare LF" }
        }
        return nil
    }

    private static func split(lines head: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = head.startIndex
        var index = head.startIndex
        while index < head.endIndex {
            if head[index] == 13 {
                lines.append(head[start..<index])
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        lines.append(head[start..<head.endIndex])
        return lines
    }

    /// `name: value`, refusing obs-fold, whitespace before the colon and control characters.
    private static func field(_ line: ArraySlice<UInt8>) -> Result<(String, String), Refusal> {
        guard let first = line.first, first != 32, first != 9 else { return .failure(Refusal(.badRequest, "obs-fold or empty field")) }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return .failure(Refusal(.badRequest, "field without colon")) }
        let name = line[line.startIndex..<colon]
        guard !name.isEmpty, name.allSatisfy(HTTPSyntax.isTokenCharacter) else { return .failure(Refusal(.badRequest, "bad field name")) }
        var value = line[(colon + 1)...]
        while let byte = value.first, byte == 32 || byte == 9 { value.removeFirst() }
        while let byte = value.last, byte == 32 || byte == 9 { value.removeLast() }
        guard value.allSatisfy(HTTPSyntax.isFieldValueCharacter) else {
            return .failure(Refusal(.badRequest, "control character in field"))
        }
        // obs-text is kept as Latin-1, each byte one scalar, so no byte is lost or invented.
        return .success((String(decoding: name, as: UTF8.self), String(value.map { Character(Unicode.Scalar($0)) })))
    }
}

/// A refusal found while parsing: the status and a word for the log.
struct Refusal: Error {
    let status: HTTPStatus
    let reason: String

    init(_ status: HTTPStatus, _ reason: String) {
        self.status = status
        self.reason = reason
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var text = self
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return text
    }
}
