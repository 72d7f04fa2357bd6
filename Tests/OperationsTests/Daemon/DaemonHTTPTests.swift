import Foundation
import Glibc
import TestSupport
import Testing

/// `tourneed` with its `"http"` settings: it creates the links' key file (mode 600), serves
/// `/healthz` on the configured address, logs each request without its query, stops on SIGTERM;
/// a key file open to others or a bad listening address stops the start with status 78.
@Suite(.serialized) struct DaemonHTTPTests {
    static func configuration(in scratch: TemporaryDirectory, http: String) throws -> String {
        let text = DaemonConfigurationText.make(
            database: scratch.file("t.db"), transport: ["\"transport\": \"maildir:\(scratch.file("mail"))\""], tickSeconds: 60,
            extra: ["\"http\": \(http)"])
        return try scratch.write(text, to: "tourneed.json")
    }

    @Test func servesHealthzAndCreatesTheKeyFile() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-http")
        defer { scratch.remove() }
        try PlanFixture.database(at: scratch.file("t.db"))
        let port = try LoopbackPort.free()
        let configuration = try Self.configuration(
            in: scratch,
            http: "{\"listen\": \"127.0.0.1:\(port)\", \"baseURL\": \"https://tournee.example.org\", \"trustedProxies\": [\"127.0.0.1\"]}")
        let daemon = try DaemonProcess(["--config", configuration], scratch: scratch)
        #expect(DaemonProcess.waitUntil(seconds: 20) { daemon.stderr.contains("http listening") }, "\(daemon.stderr)")
        let script = """
            import http.client, sys
            connection = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=10)
            connection.request("GET", "/healthz?jeton=SECRET", headers={"X-Forwarded-For": "198.51.100.7"})
            response = connection.getresponse()
            print(response.status, response.read().decode().strip(), response.getheader("X-Frame-Options"))
            """
        let output = try PythonPeer.run(code: script, [String(port)])
        #expect(output == "200 ok DENY\n")
        var status = stat()
        #expect(stat(scratch.file("link-keys"), &status) == 0)
        #expect(UInt32(status.st_mode) & 0o777 == 0o600)
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(seconds: 20))
        #expect(daemon.process.terminationStatus == 0)
        let log = daemon.stderr
        #expect(log.contains("info http request client=198.51.100.7 method=GET path=/healthz status=200 bytes=3"), "\(log)")
        #expect(!log.contains("SECRET"))
        #expect(!LoopbackPort.accepts(port))
    }

    @Test func aKeyFileOpenToOthersStopsTheStart() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-http")
        defer { scratch.remove() }
        try PlanFixture.database(at: scratch.file("t.db"))
        let keyFile = try scratch.write("tournee-link-keys 1\n1 " + String(repeating: "ab", count: 32) + "\n", to: "keys")
        chmod(keyFile, 0o644)
        let port = try LoopbackPort.free()
        let configuration = try Self.configuration(in: scratch, http: "{\"listen\": \"127.0.0.1:\(port)\", \"keyFile\": \"\(keyFile)\"}")
        let result = try DaemonProcess.run(["--config", configuration], scratch: scratch)
        #expect(result.status == 78)
        #expect(result.stderr.contains("fichier de clés des liens \(keyFile) refusé : mode 0644"), "\(result.stderr)")
    }

    @Test(arguments: ["\"localhost:8080\"", "\"127.0.0.1\"", "\"127.0.0.1:0\"", "\"127.0.0.1:99999\"", "8080"])
    func aBadListeningAddressIsRefused(listen: String) throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-http")
        defer { scratch.remove() }
        let configuration = try Self.configuration(in: scratch, http: "{\"listen\": \(listen)}")
        let result = try DaemonProcess.run(["--config", configuration], scratch: scratch)
        #expect(result.status == 78)
        #expect(result.stderr.contains("clé « http.listen »"), "\(result.stderr)")
    }
}
