/// The cookies a request carries (`Cookie: a=1; b=2`, RFC 6265 section 5.4), and the
/// `Set-Cookie` value of a session cookie.
public enum RequestCookies {
    /// The value of cookie `name` in `request`, nil when absent. When a name is sent twice (a
    /// cookie set by a sibling subdomain beside ours), the first is taken, as browsers order
    /// the more specific path first.
    public static func value(_ name: String, in request: HTTPRequest) -> String? {
        for header in request.headers.values("Cookie") {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name else { continue }
                return String(parts[1].trimmingCharacters(in: .whitespaces))
            }
        }
        return nil
    }

    /// A `Set-Cookie` value that the page's scripts cannot read (`HttpOnly`), that other sites'
    /// forms do not send (`SameSite=Lax`), sent only over TLS when `secure`; `maxAge` nil makes a
    /// cookie that ends with the browser, 0 deletes it. `value` must be cookie-safe (base64url).
    public static func setting(_ name: String, _ value: String, secure: Bool, maxAge: Int? = nil) -> String {
        var parts = ["\(name)=\(value)", "Path=/", "HttpOnly", "SameSite=Lax"]
        if secure { parts.append("Secure") }
        if let maxAge { parts.append("Max-Age=\(maxAge)") }
        return parts.joined(separator: "; ")
    }
}
