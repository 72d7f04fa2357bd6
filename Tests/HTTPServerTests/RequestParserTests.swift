import Testing

@testable import HTTPServer

struct RequestParserTests {
    static func parse(_ text: String, limits: RequestLimits = RequestLimits()) -> ParseResult {
        RequestParser.parse(Array(text.utf8)[...], limits: limits)
    }

    static func status(_ text: String) -> Int? {
        if case .refused(let status, _) = parse(text) { return status.code }
        return nil
    }

    @Test func aCompleteRequestWithItsBodyAndTheNextOneAfter() throws {
        let text = "POST /m/abc?x=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nX-Empty:\r\n\r\nhelloGET / HTTP/1.1\r\n"
        guard case .request(let request, let consumed) = Self.parse(text) else {
            Issue.record("not parsed")
            return
        }
        #expect(request.method == "POST")
        #expect(request.path == "/m/abc")
        #expect(request.query == "x=1")
        #expect(request.body == Array("hello".utf8))
        #expect(request.headers["host"] == "a")
        #expect(request.headers["X-Empty"] == "")
        #expect(request.keepAlive)
        #expect(consumed == text.utf8.count - "GET / HTTP/1.1\r\n".utf8.count)
    }

    @Test func incompleteUntilTheHeadAndTheBodyAreThere() {
        #expect(Self.parse("GET / HTTP/1.1\r\nHost: a\r\n") == .incomplete)
        #expect(Self.parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc") == .incomplete)
        #expect(Self.parse("") == .incomplete)
    }

    @Test func connectionTokensDecideKeepAlive() throws {
        for (text, expected) in [
            ("GET / HTTP/1.1\r\nHost: a\r\nConnection: Keep-Alive, Close\r\n\r\n", false),
            ("GET / HTTP/1.0\r\n\r\n", false),
            ("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", true),
        ] {
            guard case .request(let request, _) = Self.parse(text) else {
                Issue.record("not parsed: \(text)")
                continue
            }
            #expect(request.keepAlive == expected, "\(text)")
        }
    }

    @Test func percentDecodingOfThePath() throws {
        guard case .request(let request, _) = Self.parse("GET /caf%C3%A9/%20x HTTP/1.1\r\nHost: a\r\n\r\n") else {
            Issue.record("not parsed")
            return
        }
        #expect(request.path == "/café/ x")
    }

    @Test(
        arguments: [
            ("GET / HTTP/1.1\r\n\r\n", 400),  // no Host
            ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
            ("GET / HTTP/1.1\nHost: a\r\n\r\n", 400),  // bare LF
            ("GET / HTTP/1.1\r\nHost: a\rX: b\r\n\r\n", 400),  // bare CR
            ("GET / HTTP/1.1\r\nHost: a\r\r\n\r\n", 400),  // bare CR before the end of the head (found by the fuzzer)
            ("GET / HTTP/1.1\r\nHost: a\r\nX: b\r\n folded\r\n\r\n", 400),  // obs-fold
            ("GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400),  // space before colon
            ("GET / HTTP/1.1\r\nHost: a\r\nX: a\u{1}b\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n", 501),
            ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\nabc", 400),
            ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc", 400),
            ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 3\r\n\r\nabc", 400),
            ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", 400),
            ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +3\r\n\r\nabc", 400),
            ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 65537\r\n\r\n", 413),
            ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999\r\n\r\n", 400),
            ("GET /a/../etc/passwd HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            ("GET /a/%2e%2E/etc HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            ("GET /a/%2Fetc HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            ("GET /a/%5C HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            ("GET /. HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            ("GET /%zz HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            ("GET /%C3 HTTP/1.1\r\nHost: a\r\n\r\n", 400),  // truncated escape sequence of é
            ("GET /%C3%28 HTTP/1.1\r\nHost: a\r\n\r\n", 400),  // invalid UTF-8
            ("GET /%00 HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            ("GET /% HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            ("GET /%4 HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            ("GET http://evil/ HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            ("GET * HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            ("GET /é HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            ("GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            ("GET / HTTP/1.1 \r\nHost: a\r\n\r\n", 400),
            ("G(T / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            ("GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505),
            ("GET / HTTX/1.1\r\nHost: a\r\n\r\n", 400),
        ])
    func refused(text: String, status: Int) {
        #expect(Self.status(text) == status, "\(text.debugDescription)")
    }

    @Test func limitsOfTheHeadAndTheFields() {
        let longTarget = "GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: a\r\n\r\n"
        #expect(Self.status(longTarget) == 414)
        #expect(Self.status("GET /" + String(repeating: "a", count: 9000)) == 414)  // before the line ends
        let bigField = "GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "b", count: 17_000) + "\r\n\r\n"
        #expect(Self.status(bigField) == 431)
        #expect(Self.status("GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "b", count: 17_000)) == 431)
        let fields = (0..<100).map { "X-\($0): v\r\n" }.joined()
        #expect(Self.status("GET / HTTP/1.1\r\nHost: a\r\n" + fields + "\r\n") == 431)
        if case .request = Self.parse("GET / HTTP/1.1\r\nHost: a\r\n" + (0..<99).map { "X-\($0): v\r\n" }.joined() + "\r\n") {
        } else {
            Issue.record("100 fields refused")
        }
    }
}
