import CivilTime
import Foundation
import TestSupport
import Testing

@testable import Mail

/// Events around the 2026 and 2031 DST changes, plus a winter and a summer evening.
enum SampleCalendar {
    static let stamp = SampleMessages.instant("2026-05-27T07:00:00Z")

    static func local(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> LocalDateTime {
        LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute)!
    }

    static let longDescription = """
        Guinguette mobile : buvette, petite restauration, concert de musette et quiz sur l'histoire du village ; \
        marché de producteurs locaux (fromages de Langres, miel du Der, bières artisanales, jus de pommes), \
        cinéma en plein air à la tombée de la nuit.
        Besoins : électricité 16 A (prise P17), accès à la place de l'église dès 16 h, \
        autorisation de débit de boissons temporaire accordée par la mairie.
        Contact le soir même : Hélène, 06 12 34 56 78 — « n'hésitez pas », c'est une fête !
        Chemin des fichiers : C:\\Tournée\\2026 ; virgules, points-virgules; et barres \\ obliques.
        """

    static let events: [CalendarEvent] = try! [
        CalendarEvent(
            uid: "evt-1@guinguette-mobile.fr", sequence: 0, start: local(2026, 1, 16, 19, 0), end: local(2026, 1, 16, 23, 0),
            summary: "Soirée d'hiver à Wassy", location: "Salle des fêtes, Wassy", status: .confirmed),
        CalendarEvent(
            uid: "evt-2@guinguette-mobile.fr", sequence: 2, start: local(2026, 3, 28, 20, 0), end: local(2026, 3, 29, 1, 30),
            summary: "Guinguette, veille du passage à l'heure d'été", location: "Place de la mairie, Éclaron-Braucourt",
            description: longDescription,
            position: CalendarEvent.Position(latitude: 48.5741, longitude: 4.8706), status: .tentative,
            url: "https://guinguette-mobile.fr/2026/eclaron?soiree=1&x=%C3%A9"),
        CalendarEvent(
            uid: "evt-3@guinguette-mobile.fr", start: local(2026, 3, 29, 18, 0), end: local(2026, 3, 29, 23, 0),
            summary: "Dimanche du passage à l'heure d'été", location: "Giffaumont-Champaubert"),
        CalendarEvent(
            uid: "evt-4@guinguette-mobile.fr", start: local(2026, 7, 14, 19, 30), end: local(2026, 7, 14, 23, 59),
            summary: "Bal du 14 juillet", location: "Montier-en-Der"),
        CalendarEvent(
            uid: "evt-5@guinguette-mobile.fr", start: local(2026, 10, 24, 20, 0), end: local(2026, 10, 25, 1, 0),
            summary: "Veille du passage à l'heure d'hiver", location: "Louvemont"),
        CalendarEvent(
            uid: "evt-6@guinguette-mobile.fr", start: local(2026, 10, 25, 17, 0), end: local(2026, 10, 25, 22, 0),
            summary: "Dimanche du passage à l'heure d'hiver", location: "Chancenay"),
        CalendarEvent(
            uid: "evt-7@guinguette-mobile.fr", start: local(2031, 3, 30, 18, 0), end: local(2031, 3, 30, 22, 0),
            summary: "Dimanche 30 mars 2031, heure d'été", location: "Saint-Dizier"),
        CalendarEvent(
            uid: "evt-8@guinguette-mobile.fr", start: local(2031, 10, 26, 18, 0), end: local(2031, 10, 26, 22, 0),
            summary: "Dimanche 26 octobre 2031, heure d'hiver", location: "Saint-Dizier"),
    ]

    static func calendar(method: ICalendar.Method = .publish) -> ICalendar {
        try! ICalendar(productID: "-//Tournée//Tournée 1.0//FR", method: method, stamp: stamp, events: events)
    }

    /// The UTC instant of a Paris local time, computed by Foundation independently of the writer.
    static func utc(_ local: LocalDateTime) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = SampleMessages.paris
        let date = calendar.date(
            from: DateComponents(
                year: local.date.year, month: local.date.month, day: local.date.day, hour: local.time.hour, minute: local.time.minute))!
        return date.formatted(.iso8601)
    }
}

@Suite struct ICalendarTests {
    @Test func icalendarReadsBackEveryEventWithItsParisTimes() throws {
        let parsed = try ParsedCalendar.parse(SampleCalendar.calendar().render())
        #expect(parsed.prodid == "-//Tournée//Tournée 1.0//FR")
        #expect(parsed.version == "2.0")
        #expect(parsed.calscale == "GREGORIAN")
        #expect(parsed.method == "PUBLISH")
        #expect(parsed.timezones == ["Europe/Paris"])
        #expect(parsed.events.count == SampleCalendar.events.count)
        for (event, read) in zip(SampleCalendar.events, parsed.events) {
            #expect(read.uid == event.uid)
            #expect(read.sequence == event.sequence)
            #expect(read.summary == event.summary)
            #expect(read.location == event.location)
            #expect(read.status == event.status.rawValue)
            #expect(read.dtstamp == "2026-05-27T07:00:00Z")
            for (local, time) in [(event.start, read.dtstart), (event.end, read.dtend)] {
                let expected = SampleCalendar.utc(local)
                #expect(time.tzid == "Europe/Paris")
                #expect(
                    time.local
                        == String(
                            format: "%04d-%02d-%02dT%02d:%02d", local.date.year, local.date.month, local.date.day, local.time.hour,
                            local.time.minute))
                #expect(time.utc == expected, "zone database, \(event.uid)")
                #expect(time.utc_by_vtimezone == expected, "our VTIMEZONE, \(event.uid)")
            }
        }
    }

    @Test func dstWeekendsResolveToTheRightOffsets() throws {
        let parsed = try ParsedCalendar.parse(SampleCalendar.calendar().render())
        let times = Dictionary(
            uniqueKeysWithValues: parsed.events.map { ($0.uid ?? "", ($0.dtstart.utc_by_vtimezone, $0.dtend.utc_by_vtimezone)) })
        #expect(times["evt-2@guinguette-mobile.fr"]! == ("2026-03-28T19:00:00Z", "2026-03-29T00:30:00Z"))
        #expect(times["evt-3@guinguette-mobile.fr"]! == ("2026-03-29T16:00:00Z", "2026-03-29T21:00:00Z"))
        #expect(times["evt-5@guinguette-mobile.fr"]! == ("2026-10-24T18:00:00Z", "2026-10-24T23:00:00Z"))
        #expect(times["evt-6@guinguette-mobile.fr"]! == ("2026-10-25T16:00:00Z", "2026-10-25T21:00:00Z"))
    }

    @Test func textEscapingRoundTripsAndGeoAndURLAreKept() throws {
        let parsed = try ParsedCalendar.parse(SampleCalendar.calendar().render())
        let event = try #require(parsed.events.first { $0.uid == "evt-2@guinguette-mobile.fr" })
        #expect(event.description == SampleCalendar.longDescription)
        #expect(event.geo == [48.5741, 4.8706])
        #expect(event.url == "https://guinguette-mobile.fr/2026/eclaron?soiree=1&x=%C3%A9")
        #expect(event.summary == "Guinguette, veille du passage à l'heure d'été")
    }

    @Test func linesAreFoldedAt75OctetsOnUTF8Boundaries() throws {
        let bytes = SampleCalendar.calendar().render()
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for index in bytes.indices where index > 0 && bytes[index - 1] == 13 && bytes[index] == 10 {
            lines.append(bytes[start..<(index - 1)])
            start = index + 1
        }
        #expect(start == bytes.count, "every line ends with CRLF")
        #expect(!lines.contains { $0.contains(13) || $0.contains(10) })
        #expect(lines.allSatisfy { $0.count <= 75 })
        #expect(lines.allSatisfy { String(validating: $0, as: UTF8.self) != nil }, "no UTF-8 sequence is split")
        #expect(lines.filter { $0.first == 32 }.count >= 8, "the long description is folded")
    }

    @Test func cancelUsesMethodCancelAndTheCalendarMediaType() throws {
        let cancelled = try CalendarEvent(
            uid: "evt-2@guinguette-mobile.fr", sequence: 3,
            start: SampleCalendar.local(2026, 3, 28, 20, 0), end: SampleCalendar.local(2026, 3, 29, 1, 30),
            summary: "Annulé : Guinguette", status: .cancelled)
        let calendar = try ICalendar(productID: "-//Tournée//FR", method: .cancel, stamp: SampleCalendar.stamp, events: [cancelled])
        let parsed = try ParsedCalendar.parse(calendar.render())
        #expect(parsed.method == "CANCEL")
        #expect(parsed.events.first?.status == "CANCELLED")
        #expect(parsed.events.first?.sequence == 3)
        let attachment = try calendar.attachment(filename: "annulation.ics")
        #expect(attachment.mediaType.description == "text/calendar; method=CANCEL; charset=UTF-8")
    }

    @Test func invalidEventsAreRefusedNamingTheField() {
        let start = SampleCalendar.local(2026, 6, 3, 18, 30)
        #expect(throws: CalendarError.endNotAfterStart(uid: "u")) {
            try CalendarEvent(uid: "u", start: start, end: start, summary: "x")
        }
        #expect(throws: CalendarError.controlCharacter(field: "SUMMARY")) {
            try CalendarEvent(uid: "u", start: start, end: SampleCalendar.local(2026, 6, 3, 23, 0), summary: "x\u{7}")
        }
        #expect(throws: CalendarError.invalidURL("https://a b")) {
            try CalendarEvent(uid: "u", start: start, end: SampleCalendar.local(2026, 6, 3, 23, 0), summary: "x", url: "https://a b")
        }
        #expect(throws: CalendarError.empty(field: "UID")) {
            try CalendarEvent(uid: "", start: start, end: SampleCalendar.local(2026, 6, 3, 23, 0), summary: "x")
        }
        #expect(throws: CalendarError.invalidGeo(latitude: 91, longitude: 0)) { try CalendarEvent.Position(latitude: 91, longitude: 0) }
    }
}
