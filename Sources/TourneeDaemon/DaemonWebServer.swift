import CommandLineSupport
import Foundation
import HTTPServer
import Operations
import WebPages

/// The HTTP server of `tourneed` as the daemon starts it: the links' key ring checked (and
/// created at the first start), the routes, the access log in the daemon's log format.
enum DaemonWebServer {
    /// Starts serving `settings`; a refused key file is 78, an address that cannot be listened
    /// on 69, each logged in French.
    static func start(
        _ settings: HTTPSettings, databasePath: String, configurationPath: String, clock: @escaping @Sendable () -> Date,
        environment: [String: String], organiser: MailIdentity.Organiser?, logger: Logger
    ) throws(DaemonMain.Refusal) -> HTTPServer {
        let keyFile = settings.keyFile(databasePath: databasePath)
        let ring: LinkKeyRing
        do {
            ring = try LinkKeyRingFile.loadOrCreate(path: keyFile)
        } catch {
            logger.log(.error, "tourneed: \(error.description)", ["keyFile": keyFile])
            throw DaemonMain.Refusal(status: .configuration)
        }
        var configuration = ServerConfiguration()
        configuration.host = settings.host
        configuration.port = settings.port
        configuration.trustedProxies = Set(settings.trustedProxies)
        configuration.redactedPrefixes = ["/m/"]
        // The report's externality model is the one beside the configuration, as shipped in config/.
        let externalities = URL(fileURLWithPath: configurationPath).deletingLastPathComponent().appendingPathComponent("externalities.json")
            .path
        let pages = WebApp(
            databasePath: databasePath, clock: clock, secureCookies: settings.baseURL?.hasPrefix("https://") ?? false,
            environment: environment,
            externalitiesFile: FileManager.default.fileExists(atPath: externalities) ? externalities : nil,
            links: ReplyLinks(ring: ring, baseURL: settings.baseURL ?? ""), organiser: organiser)
        let server = HTTPServer(configuration: configuration, router: router(pages)) { entry in
            logger.log(
                entry.status >= 500 ? .warning : .info, "http request",
                [
                    "client": entry.peer, "method": entry.method, "path": entry.path, "status": String(entry.status),
                    "bytes": String(entry.bytes), "duration_ms": String(entry.milliseconds),
                ])
        }
        do {
            try server.start()
        } catch {
            logger.log(.error, "tourneed: \(error.description)")
            throw DaemonMain.Refusal(status: .unavailable)
        }
        logger.log(.info, "http listening", ["address": "\(settings.host):\(server.port)"])
        return server
    }

    /// The routes: `/healthz` for the proxy and the watchdog, and the staff's and planners' pages.
    static func router(_ pages: WebApp) -> Router {
        var router = Router()
        router.route("GET", "/healthz") { _ in .text(.ok, "ok\n") }
        pages.install(into: &router)
        return router
    }
}
