import Testing

@testable import HTTPServer

struct RouterTests {
    static let router: Router = {
        var router = Router()
        router.route("GET", "/healthz") { _ in .text(.ok, "ok\n") }
        router.route("POST", prefix: "/m/") { request in .text(.ok, "posted " + request.path) }
        router.route("GET", prefix: "/m/") { request in .text(.ok, "page " + request.path) }
        return router
    }()

    @Test func routesByPathAndMethod() {
        #expect(Self.router.respond(to: HTTPRequest(method: "GET", path: "/healthz")).body == Array("ok\n".utf8))
        #expect(Self.router.respond(to: HTTPRequest(method: "HEAD", path: "/healthz")).status == .ok)
        #expect(Self.router.respond(to: HTTPRequest(method: "GET", path: "/m/tok")).body == Array("page /m/tok".utf8))
        #expect(Self.router.respond(to: HTTPRequest(method: "POST", path: "/m/tok")).body == Array("posted /m/tok".utf8))
    }

    @Test func unknownPathsMethodsAndPrefixesWithoutASegment() {
        #expect(Self.router.respond(to: HTTPRequest(method: "GET", path: "/nothing")).status == .notFound)
        #expect(Self.router.respond(to: HTTPRequest(method: "GET", path: "/m/")).status == .notFound)
        #expect(Self.router.respond(to: HTTPRequest(method: "GET", path: "/m/a/b")).status == .notFound)
        let refused = Self.router.respond(to: HTTPRequest(method: "DELETE", path: "/healthz"))
        #expect(refused.status == .methodNotAllowed)
        #expect(refused.headers["Allow"] == "GET, HEAD")
        #expect(Self.router.respond(to: HTTPRequest(method: "BREW", path: "/healthz")).status == .notImplemented)
        #expect(Self.router.respond(to: HTTPRequest(method: "get", path: "/healthz")).status == .notImplemented)
    }

    @Test func securityHeadersAndNoHeaderInjection() {
        let response = SecurityHeaders.applied(to: HTTPResponse(status: .ok))
        #expect(response.headers["X-Frame-Options"] == "DENY")
        #expect(response.headers["Referrer-Policy"] == "no-referrer")
        #expect(response.headers["Cache-Control"] == "no-store")
        #expect(response.headers["X-Content-Type-Options"] == "nosniff")
        let policy = response.headers["Content-Security-Policy"] ?? ""
        // Scripts only from the site's own files (the record form's), never inline or evaluated.
        #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self';"))
        #expect(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"))
        var headers = HTTPHeaders()
        headers.append("X-Name", "a\r\nSet-Cookie: x=1")
        headers.append("Bad Name", "v")
        #expect(headers.fields.isEmpty)
        let wire = String(decoding: HTTPResponse(status: .ok, headers: headers).serialized(keepAlive: true, headOnly: false), as: UTF8.self)
        #expect(!wire.contains("Set-Cookie"))
    }
}

struct ForwardedClientTests {
    static func headers(_ values: [String]) -> HTTPHeaders { HTTPHeaders(values.map { ("X-Forwarded-For", $0) }) }

    @Test func believedOnlyFromATrustedProxyAndReadFromTheRight() {
        let trusted: Set<String> = ["127.0.0.1", "10.0.0.2"]
        #expect(ForwardedClient.address(peer: "203.0.113.9", headers: Self.headers(["198.51.100.1"]), trusted: trusted) == "203.0.113.9")
        #expect(ForwardedClient.address(peer: "127.0.0.1", headers: Self.headers(["198.51.100.1"]), trusted: trusted) == "198.51.100.1")
        // The client wrote the left part itself; the proxies appended the rest.
        let chain = Self.headers(["6.6.6.6, 198.51.100.1", "10.0.0.2"])
        #expect(ForwardedClient.address(peer: "127.0.0.1", headers: chain, trusted: trusted) == "198.51.100.1")
        #expect(ForwardedClient.address(peer: "127.0.0.1", headers: Self.headers(["2001:db8::1"]), trusted: trusted) == "2001:db8::1")
        #expect(ForwardedClient.address(peer: "127.0.0.1", headers: Self.headers(["not-an-address"]), trusted: trusted) == "127.0.0.1")
        #expect(ForwardedClient.address(peer: "127.0.0.1", headers: HTTPHeaders(), trusted: trusted) == "127.0.0.1")
    }
}
