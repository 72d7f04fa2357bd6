import HTTPServer
import TextFormats

/// The frame of every page: French, readable on a phone (viewport, one column), the site's own
/// style sheet, the signed-in person with a sign-out button, and the body given.
enum Page {
    /// An HTML response; `body` is already-escaped HTML. `script` adds the staff's form script.
    static func response(
        _ status: HTTPStatus = .ok, title: String, signedIn: SignedIn? = nil, body: String, script: Bool = false
    ) -> HTTPResponse {
        let header =
            signedIn.map { signedIn in
                """
                <header><span class="marque">Tournée</span>
                <form method="post" action="/deconnexion" class="deconnexion">
                <input type="hidden" name="csrf" value="\(MarkupText.escaped(signedIn.session.csrfToken))">
                <span>\(MarkupText.escaped(signedIn.account.name))</span> <button type="submit">Se déconnecter</button></form></header>
                """
            } ?? "<header><span class=\"marque\">Tournée</span></header>"
        let html = """
            <!DOCTYPE html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(MarkupText.escaped(title)) — Tournée</title>
            <link rel="stylesheet" href="/static/tournee.css">
            \(script ? "<script src=\"/static/soiree.js\" defer></script>" : "")
            </head>
            <body>
            \(header)
            <main>
            <h1>\(MarkupText.escaped(title))</h1>
            \(body)
            </main>
            </body>
            </html>

            """
        var headers = HTTPHeaders()
        headers.set("Content-Type", "text/html; charset=utf-8")
        return HTTPResponse(status: status, headers: headers, body: Array(html.utf8))
    }

    /// A page that only says something: a refusal, a confirmation, with a link onwards.
    static func message(_ status: HTTPStatus, title: String, text: String, signedIn: SignedIn? = nil, link: (String, String)? = nil)
        -> HTTPResponse
    {
        let onwards = link.map { "<p><a href=\"\(MarkupText.escaped($0.0))\">\(MarkupText.escaped($0.1))</a></p>" } ?? ""
        return response(status, title: title, signedIn: signedIn, body: "<p class=\"annonce\">\(MarkupText.escaped(text))</p>\(onwards)")
    }

    /// A redirection after a form (303, so that reloading does not post again).
    static func redirect(to path: String, cookies: [String] = []) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.set("Location", path)
        for cookie in cookies { headers.append("Set-Cookie", cookie) }
        return HTTPResponse(status: .seeOther, headers: headers)
    }
}
