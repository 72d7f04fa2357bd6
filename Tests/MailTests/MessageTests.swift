import Foundation
import TestSupport
import Testing

@testable import Mail

/// Messages the tests send; built from real-looking French reminder content.
enum SampleMessages {
    static let paris = TimeZone(identifier: "Europe/Paris")!

    static func instant(_ iso: String) -> Date {
        try! Date(iso, strategy: .iso8601)
    }

    static let body = """
        Bonjour Madame la Maire,

        La Guinguette mobile s'installera sur la place de l'église le mercredi 3 juin 2026 à 18 h 30.
        Merci de confirmer l'autorisation de débit de boissons temporaire (« buvette ») avant le 20 mai.
        .Une ligne qui commence par un point.
        Tarifs = 2 € la boisson ; 5 € l'assiette.   
        \(String(repeating: "Très longue ligne sans retour à la ligne, ", count: 40))fin.

        L'équipe de la Guinguette
        """

    static func reminder(
        to: [MailAddress]? = nil,
        subject: String = "Rappel : la Guinguette arrive à Montier-en-Der mercredi 3 juin 2026 — merci de confirmer 🎶",
        token: String = "j7.evt-42.v3", text: String = body, attachments: [MailAttachment] = []
    ) throws -> Message {
        try Message(
            from: MailAddress("tournee@guinguette-mobile.fr", displayName: "La Guinguette mobile"),
            to: to ?? [
                MailAddress("mairie@montier-en-der.fr", displayName: "Mairie de Montier-en-Der"),
                MailAddress("secretariat@montier-en-der.fr", displayName: "Dupont, Hélène \"secrétaire\""),
            ],
            cc: [
                MailAddress(
                    "coordination@guinguette-mobile.fr",
                    displayName: "Éloïse Bérénice Château-Lefèvre de la Coordination Régionale Grand Est")
            ],
            replyTo: [MailAddress("contact@guinguette-mobile.fr", displayName: "Coordination")],
            subject: subject,
            date: instant("2026-05-27T07:00:00Z"), timeZone: paris,
            messageID: MessageID(token: token, domain: "guinguette-mobile.fr"),
            headers: [
                MailHeader(name: "Auto-Submitted", value: "auto-generated"),
                MailHeader(name: "X-Tournee-Commune", value: "Montier-en-Der (Haute-Marne, 52)"),
            ],
            text: text, attachments: attachments)
    }
}

@Suite struct MessageTests {
    @Test func pythonEmailReadsBackEveryHeaderAndTheBody() throws {
        let message = try SampleMessages.reminder()
        let parsed = try ParsedMessage.parse(message.render())
        #expect(parsed.defects.isEmpty)
        #expect(parsed.from == [["La Guinguette mobile", "tournee@guinguette-mobile.fr"]])
        #expect(
            parsed.to == [
                ["Mairie de Montier-en-Der", "mairie@montier-en-der.fr"],
                ["Dupont, Hélène \"secrétaire\"", "secretariat@montier-en-der.fr"],
            ])
        #expect(
            parsed.cc == [["Éloïse Bérénice Château-Lefèvre de la Coordination Régionale Grand Est", "coordination@guinguette-mobile.fr"]])
        #expect(parsed.reply_to == [["Coordination", "contact@guinguette-mobile.fr"]])
        #expect(parsed.subject == message.subject)
        #expect(parsed.date == "2026-05-27T09:00:00+02:00")
        #expect(parsed.message_id == "<j7.evt-42.v3@guinguette-mobile.fr>")
        #expect(parsed.header("Auto-Submitted") == "auto-generated")
        #expect(parsed.header("X-Tournee-Commune") == "Montier-en-Der (Haute-Marne, 52)")
        #expect(parsed.content_type == "text/plain")
        #expect(parsed.body_encoding == "quoted-printable")
        #expect(parsed.body == message.text + "\n")
    }

    @Test func linesAreCRLFWithinLimitsAndEncodedWordsAreWholeUTF8() throws {
        let bytes = try SampleMessages.reminder(attachments: [
            MailAttachment(
                filename: "guinguette-montier.ics",
                mediaType: MediaType(
                    type: "text", subtype: "calendar", parameters: [.init("method", "PUBLISH"), .init("charset", "UTF-8")]),
                content: Array(String(repeating: "DESCRIPTION:Soirée guinguette\r\n", count: 20).utf8))
        ]).render()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        #expect(bytes.allSatisfy { $0 < 128 })
        let (head, body) = try #require(text.split(separator: "\r\n\r\n", maxSplits: 1).map(String.init).pair)
        #expect(head.components(separatedBy: "\r\n").allSatisfy { $0.count <= 78 })
        #expect(body.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
        let parsed = try ParsedMessage.parse(bytes)
        #expect(parsed.encoded_words.count >= 5)
        #expect(parsed.encoded_words.allSatisfy { $0.length <= 75 && $0.isValidUTF8 })
    }

    @Test func anAttachmentMakesAMultipartMixedBodyInBase64() throws {
        let calendar = Array("BEGIN:VCALENDAR\r\nSUMMARY:Soirée à Wassy\r\nEND:VCALENDAR\r\n".utf8)
        let message = try SampleMessages.reminder(attachments: [
            MailAttachment(
                filename: "soiree wassy.ics",
                mediaType: MediaType(
                    type: "text", subtype: "calendar", parameters: [.init("method", "PUBLISH"), .init("charset", "UTF-8")]),
                content: calendar)
        ])
        let parsed = try ParsedMessage.parse(message.render())
        #expect(parsed.defects.isEmpty)
        #expect(parsed.content_type == "multipart/mixed")
        #expect(parsed.body == message.text + "\n")
        let attachment = try #require(parsed.attachments.first)
        #expect(parsed.attachments.count == 1)
        #expect(attachment.filename == "soiree wassy.ics")
        #expect(attachment.content_type == "text/calendar")
        #expect(attachment.params["method"] == "PUBLISH")
        #expect(attachment.params["charset"] == "UTF-8")
        #expect(attachment.encoding == "base64")
        #expect(attachment.text == String(decoding: calendar, as: UTF8.self))
    }

    @Test func longNonASCIIAndQuotedFieldsFoldWithinLimitsAndReadBackExactly() throws {
        let subject = String(repeating: "🎶 Fête à Ézy-sur-Eure : « buvette » ", count: 6) + "€"
        let longName = "Mairie de Saint-Remy-en-Bouzemont-Saint-Genest-et-Isson, secrétariat (accueil, état civil)"
        let quoted = "Comité des fêtes, association loi 1901 (Montier-en-Der) \"les Amis du Der\" et partenaires"
        let message = try Message(
            from: MailAddress("tournee@guinguette-mobile.fr"),
            to: [MailAddress("mairie@saint-remy.fr", displayName: longName), MailAddress("cdf@der.fr", displayName: quoted)],
            subject: subject, date: SampleMessages.instant("2026-05-27T07:00:00Z"), timeZone: SampleMessages.paris,
            messageID: MessageID(token: "long.1", domain: "guinguette-mobile.fr"),
            headers: [MailHeader(name: "X-Tournee-En-Tete-Tres-Long-De-Cinquante-Caractere", value: "Évènement reporté à l'été")],
            text: "x")
        let bytes = message.render()
        let head = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n\r\n")[0]
        #expect(head.components(separatedBy: "\r\n").allSatisfy { $0.count <= 78 }, "\(head)")
        let parsed = try ParsedMessage.parse(bytes)
        #expect(parsed.defects.isEmpty)
        #expect(parsed.subject == subject)
        #expect(parsed.to == [[longName, "mairie@saint-remy.fr"], [quoted, "cdf@der.fr"]])
        #expect(parsed.header("X-Tournee-En-Tete-Tres-Long-De-Cinquante-Caractere") == "Évènement reporté à l'été")
        #expect(parsed.encoded_words.count > 6)
        #expect(parsed.encoded_words.allSatisfy { $0.length <= 75 && $0.isValidUTF8 })
    }

    @Test func theDateHeaderShowsTheParisOffsetOfTheInstant() throws {
        #expect(try rendered(at: "2026-01-05T08:07:06Z").hasPrefix("Date: Mon, 5 Jan 2026 09:07:06 +0100\r\n"))
        #expect(try rendered(at: "2026-07-14T10:00:00Z").hasPrefix("Date: Tue, 14 Jul 2026 12:00:00 +0200\r\n"))
        let newfoundland = try #require(TimeZone(identifier: "America/St_Johns"))
        #expect(try rendered(at: "2026-01-05T02:07:06Z", in: newfoundland).hasPrefix("Date: Sun, 4 Jan 2026 22:37:06 -0330\r\n"))
    }

    /// A one-line message sent at `instant`, dated in `timeZone`, as text.
    private func rendered(at instant: String, in timeZone: TimeZone = SampleMessages.paris) throws -> String {
        let message = try Message(
            from: MailAddress("a@b.fr"), to: [MailAddress("c@d.fr")], subject: "x", date: SampleMessages.instant(instant),
            timeZone: timeZone, messageID: MessageID(token: "t", domain: "b.fr"), text: "x")
        return String(decoding: message.render(), as: UTF8.self)
    }

    @Test func aLongASCIISubjectIsFoldedAtSpacesAndUnfoldsToTheOriginal() throws {
        let subject = (1...30).map { "mot\($0)" }.joined(separator: " ")
        let bytes = try SampleMessages.reminder(subject: subject).render()
        let text = String(decoding: bytes, as: UTF8.self)
        let subjectField = try #require(
            text.components(separatedBy: "\r\nSubject: ").last?.components(separatedBy: "\r\nMessage-ID:").first)
        #expect(!subjectField.contains("=?UTF-8?"), "plain ASCII subject needs no encoded word")
        #expect(subjectField.contains("\r\n mot"))
        #expect(try ParsedMessage.parse(bytes).subject == subject)
    }

    @Test(arguments: ["Rappel\r\nBcc: victime@example.org", "Rappel\n", "Rappel\rsuite", "Rappel\u{2028}"])
    func aSubjectWithALineBreakIsRefused(_ subject: String) {
        #expect(throws: MessageError.lineBreak(field: "Subject")) { try SampleMessages.reminder(subject: subject) }
    }

    @Test func customHeadersAreValidated() {
        #expect(throws: MessageError.lineBreak(field: "X-Tournee-Commune")) {
            try MailHeader(name: "X-Tournee-Commune", value: "Wassy\r\nBcc: x@evil.example")
        }
        #expect(throws: MessageError.invalidHeaderName("X Tournee")) { try MailHeader(name: "X Tournee", value: "1") }
        #expect(throws: MessageError.invalidHeaderName("X:T")) { try MailHeader(name: "X:T", value: "1") }
        let long = String(repeating: "X", count: 51)
        #expect(throws: MessageError.invalidHeaderName(long)) { try MailHeader(name: long, value: "1") }
        #expect(throws: MessageError.reservedHeader("bcc")) { try MailHeader(name: "bcc", value: "x@y.fr") }
    }

    @Test func messageIDPartsMustBeDotAtoms() {
        #expect(throws: MessageError.invalidMessageID(field: "jeton", value: "a b")) { try MessageID(token: "a b", domain: "x.fr") }
        #expect(throws: MessageError.invalidMessageID(field: "domaine", value: "x.fr>")) { try MessageID(token: "a", domain: "x.fr>") }
        #expect(throws: MessageError.lineBreak(field: "Message-ID")) { try MessageID(token: "a\r\n", domain: "x.fr") }
    }

    @Test func attachmentsAndMediaTypesAreValidated() throws {
        #expect(throws: MessageError.invalidFilename("a\"b.ics")) {
            try MailAttachment(filename: "a\"b.ics", mediaType: MediaType(type: "text", subtype: "plain"), content: [])
        }
        #expect(throws: MessageError.invalidFilename("soirée.ics")) {
            try MailAttachment(filename: "soirée.ics", mediaType: MediaType(type: "text", subtype: "plain"), content: [])
        }
        #expect(throws: MessageError.invalidMediaType("text/x")) { try MediaType(type: "text/x", subtype: "plain") }
        #expect(throws: MessageError.invalidMediaType("a\r\nb")) {
            try MediaType(type: "text", subtype: "plain", parameters: [.init("charset", "a\r\nb")])
        }
    }

    @Test func aMessageNeedsARecipientAndListsEachOnce() throws {
        #expect(throws: MessageError.noRecipient) {
            try Message(
                from: MailAddress("a@b.fr"), to: [], subject: "x", date: SampleMessages.instant("2026-01-05T08:07:06Z"),
                timeZone: SampleMessages.paris, messageID: MessageID(token: "t", domain: "b.fr"), text: "x")
        }
        let message = try SampleMessages.reminder(to: [MailAddress("Mairie@Wassy.fr"), MailAddress("mairie@wassy.fr")])
        #expect(message.recipients.map { $0.addrSpec } == ["Mairie@Wassy.fr", "coordination@guinguette-mobile.fr"])
    }
}

extension Array {
    /// The two elements of a two-element array.
    var pair: (Element, Element)? { count == 2 ? (self[0], self[1]) : nil }
}
