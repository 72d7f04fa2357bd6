import TestSupport
import Testing

@testable import HTTPServer

/// Mutations of well-formed and hostile requests through the request parser: it never traps,
/// answers within the harness's ceiling, and what it accepts keeps the promises handlers rely on
/// (a decoded path without `.` or `..` segments, a body within the limit, the bytes it says it
/// took); what it refuses gets one of the statuses the server writes. `Benchmarks/fuzz.sh
/// httpRequest` runs it long; `formFields` does the same for the form bodies the pages read.
struct HTTPServerReaderFuzzTests {
    static let seeds = [
        "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n",
        "POST /m/AQAAAAcAAAAAa/caf%C3%A9?x=1&y=%20 HTTP/1.1\r\nHost: tournee.example\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 27\r\nConnection: keep-alive\r\n\r\nreponse=accepte&csrf=abcdef",
        "GET / HTTP/1.0\r\nConnection: keep-alive\r\nX-Forwarded-For: 203.0.113.7\r\n\r\nGET /next HTTP/1.1\r\nHost: a\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n X-Folded: b\r\n\r\nabc",
    ].map { Array($0.utf8) }

    static let refusalStatuses: Set<Int> = [400, 413, 414, 431, 501, 505]

    static let formSeeds = [
        "csrf=Zm9v_YmFy-&cle=cle-de-formulaire-0001&personnes=1+200&animations=Bal%0D%0AQuiz&partenaire=Comit%C3%A9+des+f%C3%AAtes%3Aassociation&partenaire=Pizza%3Aproducer",
        "nom=%22%3E%3Cscript%3E&mot_de_passe=%E2%82%AC+%25+%2B&=&a&&b==c",
        "raison=accord%20du%20maire&action=confirmer&soiree=guinguette-2027-51315-1&date=2027-05-15",
    ].map { Array($0.utf8) }

    /// The form reader accepts only clean UTF-8 without control characters (line breaks and tabs
    /// aside), never more pairs than its bound, and a field written back the way browsers write
    /// it reads the same.
    @Test func formFields() throws {
        try ReaderFuzz.run("formFields", seeds: Self.formSeeds, seed: 1867, defaultCount: 2_000, maximumSize: 64 * 1024) { input in
            guard let fields = FormFields(input.bytes) else { return }
            guard fields.pairs.count <= FormFields.maximumPairs else { throw FuzzRefusal("\(input.label): \(fields.pairs.count) pairs") }
            for (name, value) in fields.pairs {
                for text in [name, value]
                where text.unicodeScalars.contains(where: { ($0.value < 0x20 && !"\n\r\t".unicodeScalars.contains($0)) || $0.value == 0x7f }
                ) {
                    throw FuzzRefusal("\(input.label): control character kept in \(text.debugDescription)")
                }
            }
            let rewritten = fields.pairs.map { FormFieldsTests.encode($0.name) + "=" + FormFieldsTests.encode($0.value) }.joined(
                separator: "&")
            guard FormFields(Array(rewritten.utf8)) == fields else { throw FuzzRefusal("\(input.label): reads differently once rewritten") }
        }
    }

    @Test func httpRequest() throws {
        let limits = RequestLimits()
        try ReaderFuzz.run("httpRequest", seeds: Self.seeds, seed: 9112, defaultCount: 2_000, maximumSize: 80 * 1024) { input in
            switch RequestParser.parse(input.bytes[...], limits: limits) {
            case .incomplete:
                return
            case .refused(let status, _):
                guard Self.refusalStatuses.contains(status.code) else { throw FuzzRefusal("\(input.label): refused with \(status)") }
            case .request(let request, let consumed):
                guard consumed > 0, consumed <= input.bytes.count else { throw FuzzRefusal("\(input.label): consumed \(consumed)") }
                guard request.path.hasPrefix("/"), !request.path.split(separator: "/").contains(where: { $0 == "." || $0 == ".." }) else {
                    throw FuzzRefusal("\(input.label): path \(request.path.debugDescription) accepted")
                }
                guard request.body.count <= limits.bodyBytes else {
                    throw FuzzRefusal("\(input.label): body of \(request.body.count) bytes")
                }
                guard RequestParser.parse(input.bytes[..<consumed], limits: limits) == .request(request, consumed: consumed) else {
                    throw FuzzRefusal("\(input.label): the request's own bytes parse differently")
                }
            }
        }
    }
}
