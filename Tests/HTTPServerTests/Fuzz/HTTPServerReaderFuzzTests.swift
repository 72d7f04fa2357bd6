import TestSupport
import Testing

@testable import HTTPServer

/// Mutations of well-formed and hostile requests through the request parser: it never traps,
/// answers within the harness's ceiling, and what it accepts keeps the promises handlers rely on
/// (a decoded path without `.` or `..` segments, a body within the limit, the bytes it says it
/// took); what it refuses gets one of the statuses the server writes. `Benchmarks/fuzz.sh
/// httpRequest` runs it long.
struct HTTPServerReaderFuzzTests {
    static let seeds = [
        "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n",
        "POST /m/AQAAAAcAAAAAa/caf%C3%A9?x=1&y=%20 HTTP/1.1\r\nHost: tournee.example\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 27\r\nConnection: keep-alive\r\n\r\nreponse=accepte&csrf=abcdef",
        "GET / HTTP/1.0\r\nConnection: keep-alive\r\nX-Forwarded-For: 203.0.113.7\r\n\r\nGET /next HTTP/1.1\r\nHost: a\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n X-Folded: b\r\n\r\nabc",
    ].map { Array($0.utf8) }

    static let refusalStatuses: Set<Int> = [400, 413, 414, 431, 501, 505]

    @Test func httpRequest() throws {
        let limits = RequestLimits()
        try ReaderFuzz.run("httpRequest", seeds: Self.seeds, seed: 9112, defaultCount: 2_000, maximumSize: 80 * 1024) { input in
            switch RequestParser.parse(input.bytes[...], limits: limits) {
            case .incomplete:
                return
            case .refused(let status, _):
                guard Self.refusalStatuses.contains(status.code) else { throw FuzzRefusal("\(input.label): refused with \(status)") }
            case .request(let request, let consumed):
                guard consumed > 0, consumed <= input.bytes.count else { throw FuzzRefusal("\(input.label): consumed \(consumed)") }
                guard request.path.hasPrefix("/"), !request.path.split(separator: "/").contains(where: { $0 == "." || $0 == ".." }) else {
                    throw FuzzRefusal("\(input.label): path \(request.path.debugDescription) accepted")
                }
                guard request.body.count <= limits.bodyBytes else {
                    throw FuzzRefusal("\(input.label): body of \(request.body.count) bytes")
                }
                guard RequestParser.parse(input.bytes[..<consumed], limits: limits) == .request(request, consumed: consumed) else {
                    throw FuzzRefusal("\(input.label): the request's own bytes parse differently")
                }
            }
        }
    }
}
