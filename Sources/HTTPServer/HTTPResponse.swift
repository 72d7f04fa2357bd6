/// A response a handler returns: status, header fields, body. The server adds `Content-Length`,
/// `Date`-free framing and `Connection`; a `HEAD` request gets the header without the body.
public struct HTTPResponse: Hashable, Sendable {
    /// The status.
    public var status: HTTPStatus
    /// The header fields (`SecurityHeaders` adds the ones every page carries).
    public var headers: HTTPHeaders
    /// The body.
    public var body: [UInt8]

    /// A response with `body`.
    public init(status: HTTPStatus, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A plain-text response (UTF-8), with the security headers.
    public static func text(_ status: HTTPStatus, _ text: String) -> HTTPResponse {
        var headers = SecurityHeaders.all
        headers.set("Content-Type", "text/plain; charset=utf-8")
        return HTTPResponse(status: status, headers: headers, body: Array(text.utf8))
    }

    /// The bytes on the wire: status line, fields, `Content-Length`, `Connection`, blank line,
    /// then the body unless `headOnly`.
    func serialized(keepAlive: Bool, headOnly: Bool) -> [UInt8] {
        var head = "HTTP/1.1 \(status.code) \(status.reason)\r\n"
        for field in headers where !["content-length", "connection", "transfer-encoding"].contains(field.name.lowercased()) {
            head += "\(field.name): \(field.value)\r\n"
        }
        head += "Content-Length: \(body.count)\r\nConnection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        return Array(head.utf8) + (headOnly ? [] : body)
    }
}
