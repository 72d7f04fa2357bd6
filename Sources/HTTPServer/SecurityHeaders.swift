/// The header fields every page carries. The token is in the URL, so no referrer may leak it and
/// no cache may keep the page; no script runs inline (only the site's own script files, which
/// the staff's offline form needs) and no site may frame the page.
public enum SecurityHeaders {
    /// `Content-Security-Policy` (own styles, images and script files only, no inline script or
    /// style, requests and forms to this site only), `X-Frame-Options: DENY`, `Referrer-Policy: no-referrer`, `Cache-Control:
    /// no-store`, `X-Content-Type-Options: nosniff`.
    public static let all = HTTPHeaders([
        (
            "Content-Security-Policy",
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        ),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "no-referrer"),
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
    ])

    /// `response` with every security header set (a handler's own value of one is replaced).
    public static func applied(to response: HTTPResponse) -> HTTPResponse {
        var response = response
        for field in all { response.headers.set(field.name, field.value) }
        return response
    }
}
