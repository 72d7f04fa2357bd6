import TestSupport

/// What most daemon tests start from: a scratch folder, a real SMTP server on 127.0.0.1 (refusing
/// the `reject` recipients, deferring the `deferred` ones) and a daemon configuration that points
/// at it. Call `close()` (in a `defer`) when done.
final class MailWorld {
    let scratch: TemporaryDirectory
    let server: SMTPCatcher
    let configuration: String

    init(
        maxAttempts: Int = 6, tickSeconds: Int = 1, user: String? = nil, passwordFile: String? = nil, reject: [String] = [],
        defer deferred: [String] = []
    ) throws {
        scratch = try TemporaryDirectory(prefix: "tournee-ops")
        do {
            server = try SMTPCatcher(in: scratch.path, reject: reject, defer: deferred)
            try server.start()
            configuration = try TestConfiguration.write(
                in: scratch, port: server.port, maxAttempts: maxAttempts, tickSeconds: tickSeconds,
                user: user, passwordFile: passwordFile)
        } catch {
            scratch.remove()
            throw error
        }
    }

    /// Stops the server and removes the folder.
    func close() {
        server.stop()
        scratch.remove()
    }
}
