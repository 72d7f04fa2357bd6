import Foundation
import Glibc
import TextFormats

/// The `"http"` object of `tourneed.json`: where the mairies' links are served. Without it the
/// daemon serves nothing (a second daemon on the same machine, tests). Read at start only: a
/// reload keeps the address listened on.
public struct HTTPSettings: Hashable, Sendable {
    /// The IPv4 address listened on (`http.listen`, default `127.0.0.1:8080`: behind a proxy).
    public var host: String
    /// The port listened on.
    public var port: UInt16
    /// The public address the links start with (`https://tournee.example.org`), no final `/`.
    public var baseURL: String?
    /// The proxies whose `X-Forwarded-For` is believed (IPv4 addresses); no one else's is.
    public var trustedProxies: [String]
    /// The key ring of the links (mode 0600), created at the first start; nil: `link-keys` beside
    /// the database in use (the one folder the service may write to).
    public var keyFile: String?

    static let keys = ["listen", "baseURL", "trustedProxies", "keyFile"]

    /// Reads `http` from `reader`; nil when absent or refused (the log then says why).
    static func read(_ reader: JSONObjectReader, resolve: (String) -> String) -> HTTPSettings? {
        guard reader.value("http", required: false) != nil, let object = reader.object("http") else { return nil }
        object.rejectUnknownKeys(keys)
        let address =
            object.text("listen", expecting: "une adresse IPv4 et un port, comme 127.0.0.1:8080", listenAddress)
            ?? (object.log.isStopped ? nil : ("127.0.0.1", 8080))
        let baseURL = object.text(
            "baseURL", expecting: "une adresse https://hôte sans / final, comme https://tournee.example.org", publicBase)
        let proxies =
            object.texts("trustedProxies", expecting: "une adresse IPv4, comme 127.0.0.1", { isIPv4($0) ? $0 : nil })
            ?? (object.log.isStopped ? nil : [])
        let keyFile = object.filePath("keyFile", required: false).map(resolve)
        guard let address, let proxies, !object.log.isStopped else { return nil }
        return HTTPSettings(host: address.0, port: address.1, baseURL: baseURL, trustedProxies: proxies, keyFile: keyFile)
    }

    /// The key file for the database at `databasePath`: the configured one, or `link-keys` beside it.
    public func keyFile(databasePath: String) -> String { keyFile ?? Self.defaultKeyFile(databasePath: databasePath) }

    /// `link-keys` beside the database at `databasePath`, the key file when none is configured.
    public static func defaultKeyFile(databasePath: String) -> String {
        ((databasePath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("link-keys")
    }

    static func isIPv4(_ text: String) -> Bool {
        var address = in_addr()
        return inet_pton(AF_INET, text, &address) == 1
    }

    private static func listenAddress(_ text: String) -> (String, UInt16)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, isIPv4(String(parts[0])), let port = UInt16(parts[1]), port > 0, String(port) == parts[1] else {
            return nil
        }
        return (String(parts[0]), port)
    }

    private static func publicBase(_ text: String) -> String? {
        guard let url = URL(string: text), url.scheme == "https" || url.scheme == "http", let host = url.host, !host.isEmpty,
            url.query == nil, url.fragment == nil, !text.hasSuffix("/"),
            !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == " " })
        else { return nil }
        return text
    }
}
