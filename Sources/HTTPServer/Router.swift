/// A handler: a typed request in, a typed response out. Runs on the connection's thread; it may
/// block (the database) but not for long, since the connection waits for it.
public typealias HTTPHandler = @Sendable (HTTPRequest) -> HTTPResponse

/// Routes by method and path: exact paths, or a prefix whose rest is one segment (`/m/` + token).
/// An unknown path is 404; a known path with another method 405 with `Allow`; `HEAD` is served
/// by the `GET` handler; a method no route knows at all is 501.
public struct Router: Sendable {
    private var exact: [String: [String: HTTPHandler]] = [:]
    private var prefixes: [(prefix: String, handlers: [String: HTTPHandler])] = []

    /// The methods RFC 9110 defines; any other is answered 501.
    static let knownMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"]

    /// No routes.
    public init() {}

    /// Serves `method` on `path` exactly.
    public mutating func route(_ method: String, _ path: String, _ handler: @escaping HTTPHandler) {
        exact[path, default: [:]][method] = handler
    }

    /// Serves `method` on `prefix` followed by one non-empty segment (no further `/`).
    public mutating func route(_ method: String, prefix: String, _ handler: @escaping HTTPHandler) {
        if let index = prefixes.firstIndex(where: { $0.prefix == prefix }) {
            prefixes[index].handlers[method] = handler
        } else {
            prefixes.append((prefix, [method: handler]))
        }
    }

    /// The response to `request`.
    public func respond(to request: HTTPRequest) -> HTTPResponse {
        guard Self.knownMethods.contains(request.method) else { return .text(.notImplemented, "Méthode non prise en charge.\n") }
        guard let handlers = handlers(for: request.path) else { return .text(.notFound, "Page introuvable.\n") }
        let method = request.method == "HEAD" && handlers["HEAD"] == nil ? "GET" : request.method
        guard let handler = handlers[method] else {
            var response = HTTPResponse.text(.methodNotAllowed, "Méthode non permise sur cette page.\n")
            var allowed = Set(handlers.keys)
            if allowed.contains("GET") { allowed.insert("HEAD") }
            response.headers.set("Allow", allowed.sorted().joined(separator: ", "))
            return response
        }
        return handler(request)
    }

    private func handlers(for path: String) -> [String: HTTPHandler]? {
        if let handlers = exact[path] { return handlers }
        return prefixes.first { route in
            path.hasPrefix(route.prefix) && path.count > route.prefix.count && !path.dropFirst(route.prefix.count).contains("/")
        }?.handlers
    }
}
