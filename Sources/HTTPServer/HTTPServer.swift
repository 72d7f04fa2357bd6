import Foundation
import Glibc

/// The HTTP/1.1 server: one thread accepts, one thread per connection serves its requests one at
/// a time. Bounded (`maximumConnections`, then 503 and close), timed (a request must arrive within
/// `requestTimeout` of its first byte, an idle connection closes after `idleTimeout`), and stopped
/// gracefully: `stop` closes the listener, lets the requests in flight finish, closes the idle
/// connections, and returns when every connection is closed.
///
/// Its state lives behind one lock; the threads share nothing else.
public final class HTTPServer: @unchecked Sendable {
    private let configuration: ServerConfiguration
    private let router: Router
    private let log: @Sendable (AccessLogEntry) -> Void
    private let lock = NSCondition()
    private var listener: Int32 = -1
    private var stopping = false
    private var acceptLoopDone = false
    private var connections: Set<Int32> = []
    /// The port listened on (the chosen one when configured with 0); 0 before `start`.
    public private(set) var port: UInt16 = 0

    /// A server answering with `router`, writing one `AccessLogEntry` per request to `log`.
    public init(configuration: ServerConfiguration, router: Router, log: @escaping @Sendable (AccessLogEntry) -> Void) {
        self.configuration = configuration
        self.router = router
        self.log = log
    }

    /// Binds, listens and starts accepting on a thread of its own.
    public func start() throws(ServerError) {
        let (descriptor, port) = try Socket.listen(host: configuration.host, port: configuration.port, backlog: 1024)
        lock.withLock {
            listener = descriptor
            self.port = port
        }
        let thread = Thread { [self] in acceptLoop(descriptor) }
        thread.name = "http-accept"
        thread.start()
    }

    /// Stops accepting, waits for the requests in flight (at most `stopGrace` seconds), closes
    /// every connection, and returns once they are closed (at once when it was never started).
    public func stop() {
        lock.lock()
        stopping = true
        // Never started: no accept loop will report its end.
        if listener < 0 { acceptLoopDone = true }
        let deadline = Date(timeIntervalSinceNow: configuration.stopGrace)
        while !acceptLoopDone || !connections.isEmpty {
            if !lock.wait(until: deadline) {
                // Past the grace period: cut what is left; each thread then ends at its next read.
                for connection in connections { shutdown(connection, Int32(SHUT_RDWR)) }
                while !acceptLoopDone || !connections.isEmpty { lock.wait() }
            }
        }
        lock.unlock()
    }

    /// The number of connections being served (for the tests and the status line).
    public var connectionCount: Int { lock.withLock { connections.count } }

    private var isStopping: Bool { lock.withLock { stopping } }

    private func acceptLoop(_ listener: Int32) {
        while !isStopping {
            guard let (descriptor, peer) = Socket.accept(listener, seconds: 0.1) else { continue }
            Socket.setSendTimeout(descriptor, seconds: configuration.writeTimeout)
            let admitted = lock.withLock {
                guard connections.count < configuration.maximumConnections else { return false }
                connections.insert(descriptor)
                return true
            }
            guard admitted else {
                refuseBusy(descriptor, peer: peer)
                continue
            }
            let thread = Thread { [self] in
                ConnectionSession(descriptor: descriptor, peer: peer, configuration: configuration, router: router, log: log) {
                    self.isStopping
                }.run()
                close(descriptor)
                lock.withLock {
                    connections.remove(descriptor)
                    lock.broadcast()
                }
            }
            thread.name = "http-connection"
            thread.start()
        }
        close(listener)
        lock.withLock {
            acceptLoopDone = true
            lock.broadcast()
        }
    }

    private func refuseBusy(_ descriptor: Int32, peer: String) {
        let response = HTTPResponse.text(.serviceUnavailable, "Serveur occupé, réessayez dans un instant.\n")
        var withRetry = response
        withRetry.headers.set("Retry-After", "1")
        Socket.writeAll(descriptor, withRetry.serialized(keepAlive: false, headOnly: false))
        shutdown(descriptor, Int32(SHUT_WR))
        close(descriptor)
        log(AccessLogEntry(peer: peer, method: "-", path: "-", status: 503, bytes: response.body.count, milliseconds: 0))
    }
}
