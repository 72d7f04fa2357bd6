import Foundation
import Glibc
import Testing

@testable import HTTPServer
@testable import TestSupport

/// The server on a real socket (127.0.0.1, a port the system chooses), sent what hostile or broken
/// clients send: each gets its 4xx or 5xx and its connection closed, and the server goes on serving.
@Suite(.serialized) struct ServerTests {
    static func makeServer(_ adjust: (inout ServerConfiguration) -> Void = { _ in }) throws -> (HTTPServer, AccessLogCollector) {
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.requestTimeout = 1
        configuration.idleTimeout = 1
        configuration.redactedPrefixes = ["/m/"]
        adjust(&configuration)
        var router = Router()
        router.route("GET", "/healthz") { _ in .text(.ok, "ok\n") }
        router.route("GET", prefix: "/m/") { _ in .text(.ok, "page\n") }
        router.route("POST", "/echo") { request in HTTPResponse(status: .ok, body: request.body) }
        router.route("GET", "/slow") { _ in
            usleep(500_000)
            return .text(.ok, "slow\n")
        }
        let log = AccessLogCollector()
        let server = HTTPServer(configuration: configuration, router: router) { log.append($0) }
        try server.start()
        return (server, log)
    }

    static let host = "Host: 127.0.0.1\r\n"

    /// At least twenty requests no server should serve, each with the status it must get.
    static let hostile: [(String, [UInt8], Int)] = [
        (
            "header over 16 KiB",
            Array(("GET /healthz HTTP/1.1\r\n" + host + "X-Big: " + String(repeating: "a", count: 20_000) + "\r\n\r\n").utf8), 431
        ),
        ("101 header fields", Array(("GET /healthz HTTP/1.1\r\n" + host + (0..<100).map { "X-\($0): v\r\n" }.joined() + "\r\n").utf8), 431),
        (
            "body over 64 KiB",
            Array(("POST /echo HTTP/1.1\r\n" + host + "Content-Length: 70000\r\n\r\n" + String(repeating: "b", count: 70_000)).utf8), 413
        ),
        ("target over 8 KiB", Array(("GET /" + String(repeating: "c", count: 10_000) + " HTTP/1.1\r\n" + host + "\r\n").utf8), 414),
        ("malformed method", Array(("G(T /healthz HTTP/1.1\r\n" + host + "\r\n").utf8), 400),
        ("unknown method", Array(("BREW /healthz HTTP/1.1\r\n" + host + "\r\n").utf8), 501),
        ("method not allowed", Array(("DELETE /healthz HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n").utf8), 405),
        ("unknown path", Array(("GET /admin HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n").utf8), 404),
        ("header injection by bare CR", Array(("GET /healthz HTTP/1.1\r\n" + host + "X-A: a\rSet-Cookie: x\r\n\r\n").utf8), 400),
        ("header injection by bare LF", Array(("GET /healthz HTTP/1.1\r\n" + host + "X-A: a\nSet-Cookie: x\r\n\r\n").utf8), 400),
        ("obs-fold", Array(("GET /healthz HTTP/1.1\r\n" + host + "X-A: a\r\n b\r\n\r\n").utf8), 400),
        (
            "NUL in a field",
            Array("GET /healthz HTTP/1.1\r\n".utf8) + Array(host.utf8) + Array("X-A: a".utf8) + [0] + Array("\r\n\r\n".utf8), 400
        ),
        ("path traversal", Array(("GET /m/../../etc/passwd HTTP/1.1\r\n" + host + "\r\n").utf8), 400),
        ("encoded traversal", Array(("GET /m/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\n" + host + "\r\n").utf8), 400),
        ("encoded slash", Array(("GET /m/..%2Fetc HTTP/1.1\r\n" + host + "\r\n").utf8), 400),
        ("invalid percent-encoding", Array(("GET /m/%G1 HTTP/1.1\r\n" + host + "\r\n").utf8), 400),
        ("invalid UTF-8 escaped", Array(("GET /m/%FF%FE HTTP/1.1\r\n" + host + "\r\n").utf8), 400),
        ("invalid UTF-8 raw", Array("GET /m/".utf8) + [0xff, 0xfe] + Array((" HTTP/1.1\r\n" + host + "\r\n").utf8), 400),
        ("chunked body", Array(("POST /echo HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n").utf8), 501),
        (
            "Content-Length and Transfer-Encoding",
            Array(("POST /echo HTTP/1.1\r\n" + host + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\nabc").utf8), 400
        ),
        ("two Content-Length", Array(("POST /echo HTTP/1.1\r\n" + host + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd").utf8), 400),
        ("no Host", Array("GET /healthz HTTP/1.1\r\n\r\n".utf8), 400),
        ("HTTP/2.0", Array(("GET /healthz HTTP/2.0\r\n" + host + "\r\n").utf8), 505),
        ("absolute form", Array(("GET http://evil.example/ HTTP/1.1\r\n" + host + "\r\n").utf8), 400),
        ("binary garbage", (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) } + Array("\r\n\r\n".utf8), 400),
    ]

    @Test func hostileRequestsGetTheirStatusAndTheServerGoesOn() throws {
        let (server, log) = try Self.makeServer()
        defer { server.stop() }
        #expect(Self.hostile.count >= 20)
        for (name, request, status) in Self.hostile {
            let answer = RawClient.exchange(request, port: server.port)
            #expect(RawClient.status(answer) == status, "\(name): \(answer.prefix(60).debugDescription)")
            #expect(answer.contains("X-Frame-Options: DENY"), "\(name)")
            let healthy = RawClient.exchange(
                Array(("GET /healthz HTTP/1.1\r\n" + Self.host + "Connection: close\r\n\r\n").utf8), port: server.port)
            #expect(RawClient.status(healthy) == 200, "after \(name)")
        }
        #expect(log.entries.count >= 2 * Self.hostile.count)
    }

    @Test func keepAliveServesRequestsOneAfterAnotherOnOneConnection() throws {
        let (server, _) = try Self.makeServer()
        defer { server.stop() }
        let client = try #require(RawClient(port: server.port))
        defer { client.close() }
        // Two requests in one write: answered in order, the second closing.
        client.send(
            "POST /echo HTTP/1.1\r\n" + Self.host + "Content-Length: 5\r\n\r\nhelloGET /healthz HTTP/1.1\r\n" + Self.host
                + "Connection: close\r\n\r\n")
        let answer = client.readToEnd()
        let responses = answer.components(separatedBy: "HTTP/1.1 200 OK").count - 1
        #expect(responses == 2)
        #expect(answer.contains("Connection: keep-alive"))
        #expect(answer.hasSuffix("ok\n"))
        #expect(answer.contains("\r\n\r\nhello"))
    }

    @Test func pythonHTTPClientKeepsItsConnectionAlive() throws {
        let (server, _) = try Self.makeServer { $0.idleTimeout = 5 }
        defer { server.stop() }
        let script = """
            import http.client, sys
            connection = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=10)
            ports = set()
            for path in ["/healthz", "/m/abc", "/healthz", "/nothing"]:
                connection.request("GET", path)
                response = connection.getresponse()
                body = response.read()
                ports.add(connection.sock.getsockname()[1])
                print(response.status, response.getheader("Connection"), response.getheader("Referrer-Policy"), body.decode().strip())
            connection.request("HEAD", "/healthz")
            response = connection.getresponse()
            print(response.status, response.getheader("Content-Length"), len(response.read()))
            print("sockets", len(ports))
            """
        let output = try PythonPeer.run(code: script, [String(server.port)])
        #expect(
            output.split(separator: "\n") == [
                "200 keep-alive no-referrer ok", "200 keep-alive no-referrer page", "200 keep-alive no-referrer ok",
                "404 keep-alive no-referrer Page introuvable.", "200 3 0", "sockets 1",
            ])
    }

    @Test func aSlowlorisClientGets408AndAnIdleOneIsClosed() throws {
        let (server, _) = try Self.makeServer()
        defer { server.stop() }
        let slow = try #require(RawClient(port: server.port))
        defer { slow.close() }
        // A byte every 0.1 s until the server answers: its answer, not the client, ends the request.
        for byte in Array(("GET /healthz HTTP/1.1\r\n" + Self.host + "X-Slow: ").utf8) + Array(repeating: UInt8(ascii: "z"), count: 200) {
            if slow.isReadable() { break }
            slow.send([byte])
            usleep(100_000)
        }
        #expect(RawClient.status(slow.readToEnd()) == 408)
        let idle = try #require(RawClient(port: server.port))
        defer { idle.close() }
        #expect(idle.readToEnd() == "")
        #expect(
            RawClient.status(RawClient.exchange(Array(("GET /healthz HTTP/1.1\r\n" + Self.host + "\r\n").utf8), port: server.port)) == 200)
    }

    @Test func fiveHundredConnectionsAtOnceAreServedOrRefusedWith503() throws {
        let (server, _) = try Self.makeServer { $0.maximumConnections = 50 }
        defer { server.stop() }
        let clients = (0..<500).compactMap { _ in RawClient(port: server.port) }
        #expect(clients.count == 500)
        for client in clients { client.send("GET /healthz HTTP/1.1\r\n" + Self.host + "\r\n") }
        var statuses: [Int: Int] = [:]
        for client in clients {
            // A served connection stays open (keep-alive) until the idle timeout; its first answer is enough.
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { recv(client.descriptor, $0.baseAddress, $0.count, 0) }
            let text = count > 0 ? String(decoding: chunk[0..<count], as: UTF8.self) : ""
            statuses[RawClient.status(text) ?? 0, default: 0] += 1
            client.close()
        }
        #expect(Set(statuses.keys).isSubset(of: [200, 503, 0]), "\(statuses)")
        #expect(statuses[200, default: 0] >= 50, "\(statuses)")
        #expect(statuses[503, default: 0] > 0, "\(statuses)")
        #expect(
            RawClient.status(
                RawClient.exchange(Array(("GET /healthz HTTP/1.1\r\n" + Self.host + "Connection: close\r\n\r\n").utf8), port: server.port))
                == 200)
    }

    @Test func stopFinishesTheRequestInFlightThenRefusesConnections() throws {
        let (server, _) = try Self.makeServer()
        let client = try #require(RawClient(port: server.port))
        defer { client.close() }
        client.send("GET /slow HTTP/1.1\r\n" + Self.host + "\r\n")
        usleep(100_000)
        let idle = try #require(RawClient(port: server.port))
        defer { idle.close() }
        server.stop()
        let answer = client.readToEnd()
        #expect(RawClient.status(answer) == 200)
        #expect(answer.contains("Connection: close"))
        #expect(answer.hasSuffix("slow\n"))
        #expect(idle.readToEnd() == "")
        #expect(server.connectionCount == 0)
        #expect(RawClient(port: server.port) == nil)
    }

    @Test func theAccessLogNeverHoldsAQueryOrAToken() throws {
        let (server, log) = try Self.makeServer { $0.trustedProxies = ["127.0.0.1"] }
        _ = RawClient.exchange(
            Array(
                ("GET /m/SECRET-TOKEN?mail=x@y.fr HTTP/1.1\r\n" + Self.host + "X-Forwarded-For: 198.51.100.7\r\nConnection: close\r\n\r\n")
                    .utf8),
            port: server.port)
        _ = RawClient.exchange(
            Array(("GET /healthz?probe=1 HTTP/1.1\r\n" + Self.host + "Connection: close\r\n\r\n").utf8), port: server.port)
        server.stop()
        let entries = log.entries
        #expect(entries.map(\.path) == ["/m/…", "/healthz"])
        #expect(entries.map(\.status) == [200, 200])
        #expect(entries.map(\.peer) == ["198.51.100.7", "127.0.0.1"])
        #expect(entries.allSatisfy { $0.method == "GET" })
    }

    @Test func aTakenPortIsAFrenchError() throws {
        let (server, _) = try Self.makeServer()
        defer { server.stop() }
        var configuration = ServerConfiguration()
        configuration.port = server.port
        let second = HTTPServer(configuration: configuration, router: Router()) { _ in }
        #expect(
            throws: ServerError.cannotListen(address: "127.0.0.1:\(server.port)", reason: "adresse déjà utilisée par un autre programme")
        ) {
            try second.start()
        }
        configuration.host = "localhost"
        #expect(throws: ServerError.badAddress("localhost")) {
            try HTTPServer(configuration: configuration, router: Router()) { _ in }.start()
        }
    }
}

struct ServerWithoutStartTests {
    @Test func stoppingAServerNeverStartedReturns() {
        HTTPServer(configuration: ServerConfiguration(), router: Router()) { _ in }.stop()
    }
}
