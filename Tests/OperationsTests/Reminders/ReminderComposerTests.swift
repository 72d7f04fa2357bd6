import CivilTime
import Foundation
import TestSupport
import Testing

@testable import Operations
@testable import Store

struct ReminderComposerTests {
    static let landricourt = "guinguette-2027-51315-printemps-1"

    private func facts(_ database: Database, _ id: String = landricourt) throws -> ReminderFacts {
        let event = try #require(try EventStore(database).event(id: id))
        let communes = CommuneStore(database)
        return ReminderFacts(
            event: event, commune: try #require(try communes.commune(insee: event.planned.insee)),
            contacts: try communes.contacts(insee: event.planned.insee), record: nil,
            seasonName: "La Guinguette mobile 2027")
    }

    /// The J+1 message gives the staff the evening's form when the pages are served, the command
    /// to type on the server otherwise — never both.
    @Test(arguments: [Optional("https://tournee.example.org"), nil])
    func theStaffGetTheFormWhenThePagesAreServed(pages: String?) throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let database = try PlanFixture.database(at: scratch.file("t.db"))
        let policy = try Fixtures.shippedPolicy()
        var identity = try Fixtures.identity()
        identity.pagesAddress = pages
        let templates = try TemplateSet.load(
            folder: PlanFixture.configFolder + "/templates", for: policy, policyFile: Fixtures.remindersPath)
        let composer = ReminderComposer(identity: identity, templates: templates)
        let queued = try composer.compose(
            try #require(policy.rule(named: "j+1-saisie")), try facts(database), at: Fixtures.instant("2027-05-16T07:00:00Z"))
        let body = try #require(try ParsedMessage.parse(queued.message, calendar: true).body)
        if let pages {
            #expect(
                body.contains(
                    "ouvert avec votre compte (sans réseau sur place, il garde la saisie et l'envoie au retour du réseau) : \(pages)/soiree/\(Self.landricourt)\n"
                ))
            #expect(!body.contains("tournee record"))
        } else {
            #expect(body.contains("l'exemple : tournee record \(Self.landricourt) --attendance 120"))
            #expect(!body.contains("formulaire"))
        }
    }

    @Test func aReminderIsAMIMEMessageWithTheEventsCalendar() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let database = try PlanFixture.database(at: scratch.file("t.db"))
        let composer = try Fixtures.composer()
        let rule = try #require(try Fixtures.shippedPolicy().rule(named: "j-7"))
        let now = Fixtures.instant("2027-05-08T07:00:00Z")
        let queued = try composer.compose(rule, try facts(database), at: now)
        #expect(queued.recipients == ["mairie@landricourt.example.org"])
        #expect(queued.notBefore == now)
        #expect(queued.expiresAt == Fixtures.instant("2027-05-14T16:30:00Z"))
        #expect(queued.eventVersion == 0)
        let parsed = try ParsedMessage.parse(queued.message, calendar: true)
        #expect(parsed.defects.isEmpty)
        #expect(parsed.subject == "La Guinguette mobile 2027 : détails pratiques de la soirée du samedi 15 mai 2027 à Landricourt")
        #expect(parsed.from == [["La Guinguette mobile", "tournee@guinguette.example.org"]])
        #expect(parsed.to == [["M. Thiébaut (maire)", "mairie@landricourt.example.org"]])
        #expect(parsed.reply_to == [["Coordination", "coordination@guinguette.example.org"]])
        #expect(parsed.message_id == "<\(Self.landricourt).j-7.s0@guinguette.example.org>")
        #expect(parsed.header("Auto-Submitted") == "auto-generated")
        #expect(parsed.header("Date") == "Sat, 08 May 2027 09:00:00 +0200")
        #expect(parsed.body_encoding == "quoted-printable")
        let body = try #require(parsed.body)
        #expect(body.contains("- soirée de 18 h 30 à 23 h 30 ;\n"))
        #expect(body.contains("- contact le soir même : Camille, 06 12 34 56 78.\n"))
        // No season kept in this database: no place, arrival or needs, and no line for them.
        #expect(!body.contains("lieu"))
        #expect(!body.contains("arrivée"))
        #expect(!body.contains("à prévoir"))
        let calendar = try #require(parsed.attachments.first?.calendar)
        #expect(parsed.attachments.first?.filename == "soiree.ics")
        #expect(calendar.method == "PUBLISH")
        #expect(calendar.events.count == 1)
        #expect(calendar.events.first?.uid == "\(Self.landricourt)@tournee")
        #expect(calendar.events.first?.sequence == 0)
        #expect(calendar.events.first?.status == "TENTATIVE")
        #expect(calendar.events.first?.dtstart.local == "2027-05-15T18:30")
        #expect(calendar.events.first?.dtstart.utc == "2027-05-15T16:30:00Z")
    }

    /// The season's facts reach the mairie: the place, the arrival computed from the start and
    /// the vehicle's set-up (90 minutes before 18:30 is 17:00), what the commune provides, and
    /// the organiser in the request.
    @Test func theSeasonsFactsFillThePracticalDetailsAndTheRequest() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let database = try PlanFixture.database(at: scratch.file("t.db"))
        var known = try facts(database)
        known.setting = EveningSetting(place: "salle des fêtes", setupMinutes: 90, communeProvides: ["une prise 16 A", "un point d'eau"])
        let composer = try Fixtures.composer()
        let policy = try Fixtures.shippedPolicy()
        let details = try composer.compose(try #require(policy.rule(named: "j-7")), known, at: 0)
        let body = try #require(try ParsedMessage.parse(details.message, calendar: true).body)
        #expect(
            body.contains("- lieu : salle des fêtes ;\n- arrivée de l'équipe vers 17 h ;\n- soirée de 18 h 30 à 23 h 30 ;\n"), "\(body)")
        #expect(body.contains("- à prévoir par la commune, sans frais pour elle : une prise 16 A ; un point d'eau ;\n"))
        let request = try composer.compose(try #require(policy.rule(named: "demande-accord")), known, at: 0)
        let text = try #require(try ParsedMessage.parse(request.message, calendar: true).body)
        #expect(text.contains("Lieu envisagé : salle des fêtes.\n"))
        #expect(text.contains("La soirée ne coûte rien à la commune. Nous lui demandons seulement : une prise 16 A ; un point d'eau.\n"))
        #expect(text.contains("Organisateur : Association La Guinguette mobile\nTéléphone : 03 25 05 12 34\n"))
        #expect(!text.contains("Secrétariat") && !text.contains("interlocuteur"))
        #expect(!text.contains("répondre en ligne"), "no reply link when the pages have no public address")
        known.replyLink = "https://reponses.example.org/r/abc"
        let linked = try composer.compose(try #require(policy.rule(named: "demande-accord")), known, at: 0)
        #expect(
            try ParsedMessage.parse(linked.message, calendar: true).body?.contains(
                "Pour répondre en ligne (accepter, choisir une autre date ou refuser) : https://reponses.example.org/r/abc\n") == true)
    }

    /// A record without volunteers or local spending: the thank-you leaves those lines out.
    /// A cancellation or a move the mairie made itself by its link is told as its own choice,
    /// without the apology the organiser's own change carries.
    @Test(arguments: ["annulation", "nouvelle-date"])
    func aChangeTheMairieMadeIsToldAsItsChoice(rule name: String) throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let database = try PlanFixture.database(at: scratch.file("t.db"))
        var told = try facts(database)
        told.previousDate = told.event.planned.slot.date.adding(days: -7)
        let rule = try #require(try Fixtures.shippedPolicy().rule(named: name))
        let ours = try #require(try ParsedMessage.parse(try Fixtures.composer().compose(rule, told, at: 0).message, calendar: true).body)
        told.changedBy = MairieAnswer(
            formKey: "clé-de-formulaire-0001", eventID: told.event.id, address: "mairie@landricourt.example.org",
            choice: name == "annulation" ? .declinedSeason : .otherDates, dates: [], comment: "",
            outcome: name == "annulation" ? .cancelled : .moved, at: Fixtures.instant("2027-04-02T08:00:00Z"))
        let theirs = try #require(try ParsedMessage.parse(try Fixtures.composer().compose(rule, told, at: 0).message, calendar: true).body)
        let own =
            name == "annulation"
            ? "Comme vous nous l'avez indiqué le vendredi 2 avril 2027" : "Comme vous l'avez choisi le vendredi 2 avril 2027"
        let organiser = name == "annulation" ? "Nous vous prions de nous excuser" : "change de date"
        #expect(theirs.contains(own) && !theirs.contains(organiser), "\(theirs)")
        #expect(ours.contains(organiser) && !ours.contains("Comme vous"), "\(ours)")
        #expect(!theirs.contains("{") && !ours.contains("{"))
    }

    @Test func theThankYouLeavesOutWhatWasNotRecorded() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let database = try PlanFixture.database(at: scratch.file("t.db"))
        try EventStore(database).confirm(id: Self.landricourt, reason: "accord", actor: "test", at: PlanFixture.importedAt + 60)
        try RecordStore(database).record(
            NewEveningRecord(eventID: Self.landricourt, attendance: 40, animations: [], localSpendCents: nil, volunteers: nil),
            actor: "test", at: PlanFixture.importedAt + 120)
        var recorded = try facts(database)
        recorded.record = try RecordStore(database).record(eventID: Self.landricourt)
        let rule = try #require(try Fixtures.shippedPolicy().rule(named: "j+2-merci"))
        let body = try #require(
            try ParsedMessage.parse(try Fixtures.composer().compose(rule, recorded, at: 0).message, calendar: true).body)
        #expect(body.contains("- participants : 40\n- animations : aucune\n\nAu plaisir"), "\(body)")
        #expect(!body.contains("non renseign"))
    }

    /// An evening 22:00–02:30 on the night clocks go forward: the text and the calendar say 03:30,
    /// the time Paris clocks show at the stored end (docs/civil-time.md).
    @Test func anEndInTheSpringGapIsWrittenAsTheClocksShowIt() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let database = try PlanFixture.database(at: scratch.file("t.db"))
        var gapFacts = try facts(database)
        let date = CivilDate(iso: "2028-03-25")!
        let start = LocalTime(text: "22:00")!
        let end = LocalTime(text: "02:30")!
        let startsAt = Int64(ParisTime.instant(on: date, at: start).timeIntervalSince1970)
        let endsAt = Int64(ParisTime.instant(on: date.adding(days: 1), at: end).timeIntervalSince1970)
        #expect(endsAt - startsAt == 4 * 3600 + 1800)  // the evening keeps its length
        gapFacts.event.planned.slot = EventSlot(date: date, localStart: start, localEnd: end, startsAt: startsAt, endsAt: endsAt)
        let rule = try #require(try Fixtures.shippedPolicy().rule(named: "j-7"))
        let queued = try Fixtures.composer().compose(rule, gapFacts, at: startsAt - 7 * 86_400)
        let parsed = try ParsedMessage.parse(queued.message, calendar: true)
        let body = try #require(parsed.body)
        #expect(body.contains("soirée de 22 h à 3 h 30"), "\(body)")
        let event = try #require(parsed.attachments.first?.calendar?.events.first)
        #expect(event.dtend.local == "2028-03-26T03:30")
        #expect(event.dtend.utc == "2028-03-26T01:30:00Z")
    }

    @Test func aCancellationCarriesMethodCancelAndGoesToTheMairieAlone() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let database = try PlanFixture.database(at: scratch.file("t.db"))
        let moved = try EventStore(database).move(
            id: Self.landricourt,
            to: EventSlot(
                date: "2027-05-16", localStart: "18:30", localEnd: "23:30",
                startsAt: Fixtures.instant("2027-05-16T16:30:00Z"), endsAt: Fixtures.instant("2027-05-16T21:30:00Z")),
            reason: "fête", actor: "test", at: PlanFixture.importedAt + 60)
        #expect(moved.sequence == 1)
        try EventStore(database).cancel(id: Self.landricourt, reason: "pluie", actor: "test", at: PlanFixture.importedAt + 120)
        let rule = try #require(try Fixtures.shippedPolicy().rule(named: "annulation"))
        let queued = try Fixtures.composer().compose(rule, try facts(database), at: PlanFixture.importedAt + 180)
        #expect(queued.recipients == ["mairie@landricourt.example.org"])
        let parsed = try ParsedMessage.parse(queued.message, calendar: true)
        #expect(parsed.subject == "La Guinguette mobile 2027 : soirée du dimanche 16 mai 2027 à Landricourt annulée")
        let calendar = try #require(parsed.attachments.first?.calendar)
        #expect(calendar.method == "CANCEL")
        #expect(calendar.events.first?.sequence == 1)
        #expect(calendar.events.first?.status == "CANCELLED")
        #expect(parsed.message_id == "<\(Self.landricourt).annulation.s1@guinguette.example.org>")
    }

    @Test func lineBreaksAndBadAddressesInDataAreRefusedBeforeAnythingIsQueued() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let database = try PlanFixture.database(at: scratch.file("t.db"))
        let composer = try Fixtures.composer()
        let rule = try #require(try Fixtures.shippedPolicy().rule(named: "j-7"))
        var good = try facts(database)
        var bad = good
        bad.commune.name = "Landricourt\r\nBcc: victime@example.com"
        #expect(throws: ReminderError.controlCharacter(eventID: Self.landricourt, field: "commune")) {
            try composer.compose(rule, bad, at: 0)
        }
        bad = good
        bad.contacts = [MairieContactRecord(name: "M. Thiébaut\n(maire)", email: "mairie@landricourt.example.org")]
        #expect(throws: ReminderError.controlCharacter(eventID: Self.landricourt, field: "contact_mairie")) {
            try composer.compose(rule, bad, at: 0)
        }
        bad.contacts = [MairieContactRecord(name: "M. Thiébaut", email: "mairie@landricourt\n.example.org")]
        #expect(throws: ReminderError.controlCharacter(eventID: Self.landricourt, field: "contact mairie 1")) {
            try composer.compose(rule, bad, at: 0)
        }
        bad.contacts = [MairieContactRecord(name: "M. Thiébaut", email: "mairie at landricourt")]
        #expect(throws: ReminderError.invalidAddress(eventID: Self.landricourt, field: "contact mairie 1")) {
            try composer.compose(rule, bad, at: 0)
        }
        good.contacts = [MairieContactRecord(name: "Standard", phone: "03 25 00 00 00")]
        #expect(throws: ReminderError.noRecipient(eventID: Self.landricourt, rule: "j-7", group: .mairie)) {
            try composer.compose(rule, good, at: 0)
        }
    }
}
