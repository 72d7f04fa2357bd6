import Foundation
import TestSupport
import Testing

@testable import HTTPServer

struct FormFieldsTests {
    /// A value as browsers encode it in a form body (`application/x-www-form-urlencoded`).
    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "*-._ ")
        return (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "").replacingOccurrences(of: " ", with: "+")
    }

    @Test func browsersEncodingReadsBack() throws {
        let fields = try #require(
            FormFields(Array("personnes=1+200&notes=Orage+%C3%A0+22+h%0D%0Afin&partenaire=a&partenaire=b%3Aartiste&vide=&seul".utf8)))
        #expect(fields["personnes"] == "1 200")
        #expect(fields["notes"] == "Orage à 22 h\r\nfin")
        #expect(fields.values("partenaire") == ["a", "b:artiste"])
        #expect(fields["vide"] == "" && fields["seul"] == "" && fields["absent"] == nil)
    }

    /// Python's `urllib.parse.urlencode` — what a browser or a script sends — reads back whole.
    @Test func pythonsEncodingReadsBack() throws {
        let values = ["1 200", "180 €", "a&b=c", "<script>alert('x')</script>", "ligne 1\nligne 2", "+%", "Œuvre — « guillemets »"]
        let encoded = try PythonPeer.run(
            code: "import sys, urllib.parse; print(urllib.parse.urlencode([('v', a) for a in sys.argv[1:]]), end='')", values)
        #expect(try #require(FormFields(Array(encoded.utf8))).values("v") == values)
    }

    @Test(arguments: ["a=%", "a=%4", "a=%zz", "a=%C3", "a=%FF%FE", "a=%00", "a=%1B%5B31m", "a=%7F", "%00=b"])
    func malformedOrControlCharactersRefuseTheForm(body: String) {
        #expect(FormFields(Array(body.utf8)) == nil)
    }

    @Test func tooManyPairsRefuseTheForm() {
        #expect(FormFields(Array(Array(repeating: "a=1", count: FormFields.maximumPairs).joined(separator: "&").utf8)) != nil)
        #expect(FormFields(Array(Array(repeating: "a=1", count: FormFields.maximumPairs + 1).joined(separator: "&").utf8)) == nil)
    }

    @Test func onlyAFormBodyIsRead() throws {
        let form = HTTPRequest(
            method: "POST", path: "/", headers: HTTPHeaders([("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")]),
            body: Array("a=1".utf8))
        #expect(FormFields(body: form)?["a"] == "1")
        let json = HTTPRequest(
            method: "POST", path: "/", headers: HTTPHeaders([("Content-Type", "application/json")]), body: Array("a=1".utf8))
        #expect(FormFields(body: json) == nil)
    }

    @Test func cookiesAreReadAndSetWithTheirAttributes() {
        let request = HTTPRequest(
            method: "GET", path: "/",
            headers: HTTPHeaders([("Cookie", "autre=1; tournee_session=abc-_9 ; x=y"), ("Cookie", "tournee_session=second")]))
        #expect(RequestCookies.value("tournee_session", in: request) == "abc-_9")
        #expect(RequestCookies.value("absent", in: request) == nil)
        #expect(RequestCookies.setting("s", "v", secure: true) == "s=v; Path=/; HttpOnly; SameSite=Lax; Secure")
        #expect(RequestCookies.setting("s", "", secure: false, maxAge: 0) == "s=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0")
    }
}
