import CivilTime
import Foundation
import Mail
import Planning
import Store

/// Renders a rule's message for an event: the template filled in French, an RFC 5322 message
/// with the event's calendar attached, ready for the outbox.
public struct ReminderComposer: Sendable {
    /// Who writes.
    public let identity: MailIdentity
    /// The templates.
    public let templates: TemplateSet

    /// Makes a composer.
    public init(identity: MailIdentity, templates: TemplateSet) {
        self.identity = identity
        self.templates = templates
    }

    /// The message for `rule` about `facts.event`, dated `now`; every value from the database is
    /// checked for line breaks and control characters first. O(size of the message).
    public func compose(
        _ rule: ReminderRule, _ facts: ReminderFacts, _ occasion: ReminderOccasion, at now: Int64
    ) throws(ReminderError) -> NewOutboxMessage {
        let event = facts.event
        guard let template = templates.template(named: rule.template) else {
            fatalError("policy and templates were checked together: template \(rule.template) missing")
        }
        let values = try placeholderValues(facts)
        let recipients = try recipientAddresses(rule, facts)
        let (subject, text) = template.render(values)
        do {
            let calendar = try calendarAttachment(rule, facts, values: values, now: now)
            let token = Self.messageToken(eventID: event.id, rule: rule.name, version: occasion.version)
            let message = try Message(
                from: identity.from, to: recipients, replyTo: identity.replyTo, subject: subject,
                date: Date(timeIntervalSince1970: Double(now)), timeZone: ParisTime.timeZone,
                messageID: try MessageID(token: token, domain: identity.messageIDDomain),
                headers: [
                    try MailHeader(name: "Auto-Submitted", value: "auto-generated"),
                    try MailHeader(name: "X-Tournee-Event", value: event.id),
                    try MailHeader(name: "X-Tournee-Rule", value: rule.name),
                ],
                text: text, attachments: [calendar])
            return NewOutboxMessage(
                eventID: event.id, rule: rule.name, eventVersion: occasion.version,
                recipients: recipients.map(\.addrSpec), subject: subject, message: message.render(),
                notBefore: occasion.notBefore,
                expiresAt: rule.deadline.instant(startsAt: event.planned.slot.startsAt, endsAt: event.planned.slot.endsAt),
                eveningDate: event.planned.slot.date)
        } catch let error as ReminderError {
            throw error
        } catch let error as MessageError {
            throw .message(eventID: event.id, rule: rule.name, error)
        } catch let error as CalendarError {
            throw .calendar(eventID: event.id, error)
        } catch {
            fatalError("unexpected error \(error)")
        }
    }

    /// A Message-ID token unique per outbox key (event, rule, version): the same decision always
    /// gets the same identifier, so a duplicate after a crash is recognisable.
    public static func messageToken(eventID: String, rule: String, version: Int) -> String {
        let safe = { (text: String) in
            String(
                text.unicodeScalars.map {
                    $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "+" || $0 == "_")
                        ? Character($0) : "_"
                })
        }
        return "\(safe(eventID)).\(safe(rule)).s\(version)"
    }

    private func placeholderValues(_ facts: ReminderFacts) throws(ReminderError) -> [Placeholder: String] {
        let event = facts.event
        let slot = event.planned.slot
        var values: [Placeholder: String] = [
            .commune: facts.commune.name,
            .aCommune: FrenchPreposition.a.before(facts.commune.name),
            .deCommune: FrenchPreposition.de.before(facts.commune.name),
            .date: FrenchDate.writtenOut(slot.date),
            // What Paris clocks show at the stored instants: an end planned at 02:30 on the
            // night the clocks go forward reads 03:30 (docs/civil-time.md).
            .debut: Self.spoken(ParisTime.civil(Date(timeIntervalSince1970: Double(slot.startsAt))).time),
            .fin: Self.spoken(ParisTime.civil(Date(timeIntervalSince1970: Double(slot.endsAt))).time),
            .contactMairie: facts.contacts.first.map { contact in
                [contact.name, contact.role].compactMap { $0 }.joined(separator: ", ")
            } ?? "la mairie",
            .contactSoiree: identity.eveningContact,
            .saison: facts.seasonName,
            .vehicule: event.planned.vehicle,
            .evenement: event.id,
            .signature: identity.signature,
        ]
        let setting = facts.setting
        values[.lieu] = setting.place
        if let setup = setting.setupMinutes {
            values[.arrivee] = Self.spoken(ParisTime.civil(Date(timeIntervalSince1970: Double(slot.startsAt - Int64(setup) * 60))).time)
        }
        if !setting.communeProvides.isEmpty { values[.demandes] = setting.communeProvides.joined(separator: " ; ") }
        if let organiser = identity.organiser {
            values[.organisateur] = organiser.name
            values[.telephoneOrganisateur] = organiser.phone
            values[.adresseOrganisateur] = organiser.address
        }
        values[.lienReponse] = facts.replyLink
        // Staff record from the form when the pages are served; otherwise the command, with the
        // example's figures to replace.
        if let pages = identity.pagesAddress {
            values[.lienSaisie] = "\(pages)/soiree/\(event.id)"
        } else {
            values[.commandeSaisie] =
                "tournee record \(event.id) --attendance 120 --animation \"Concert\" --partner \"Comité des fêtes:association\" --local-spend 150"
        }
        if let pages = identity.pagesAddress { values[.lienTableau] = "\(pages)/saison/\(event.planned.seasonID)" }
        if let previous = facts.previousDate { values[.ancienneDate] = FrenchDate.writtenOut(previous) }
        if let answer = facts.answer {
            values[.reponse] = MairieAnswerText.words(answer.choice)
            if !answer.dates.isEmpty { values[.datesChoisies] = answer.dates.map(FrenchDate.writtenOut).joined(separator: ", ") }
            // The comment is one line in the message, whatever the mairie typed.
            let comment = answer.comment.split(whereSeparator: \.isNewline).joined(separator: " ")
            if !comment.isEmpty { values[.commentaire] = comment }
            values[.suiteDonnee] = MairieAnswerText.did(answer.outcome)
            values[.suitePourLaMairie] = MairieAnswerText.toldToTheMairie(answer.outcome)
            values[.adresseReponse] = answer.address
        }
        if let answer = facts.changedBy {
            values[.dateReponse] = FrenchDate.writtenOut(ParisTime.civil(Date(timeIntervalSince1970: Double(answer.at))).date)
            values[.siAVotreDemande] = ""
        } else {
            values[.siDeNotreFait] = ""
        }
        if let request = facts.requestedAt {
            values[.dateDemande] = FrenchDate.writtenOut(ParisTime.civil(Date(timeIntervalSince1970: Double(request))).date)
        }
        if let record = facts.record?.entry {
            values[.participants] = String(record.attendance)
            values[.benevoles] = record.volunteers.map(String.init)
            values[.animations] = record.animations.isEmpty ? "aucune" : record.animations.joined(separator: ", ")
            values[.depensesLocales] = record.localSpendCents.map(Self.euros)
        }
        // Signature may span lines by design (configuration); everything else is one line. The
        // contracted names are the commune's: its fault is named as the commune's.
        let derived: Set<Placeholder> = [.signature, .aCommune, .deCommune]
        for (field, value) in values.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where !derived.contains(field) {
            if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
                throw .controlCharacter(eventID: event.id, field: field.rawValue)
            }
        }
        return values
    }

    private func recipientAddresses(_ rule: ReminderRule, _ facts: ReminderFacts) throws(ReminderError) -> [MailAddress] {
        var addresses: [MailAddress] = []
        for group in rule.recipients {
            let found: [MailAddress]
            switch group {
            case .staff:
                found = identity.staff
            case .planner:
                found = identity.planners
            case .mairie:
                var mairie: [MailAddress] = []
                for (index, contact) in facts.contacts.enumerated() {
                    guard let email = contact.email else { continue }
                    do {
                        mairie.append(try MailAddress(email, displayName: contact.name, field: "contact \(index + 1)"))
                    } catch .lineBreak, .controlCharacter {
                        throw .controlCharacter(eventID: facts.event.id, field: "contact mairie \(index + 1)")
                    } catch {
                        throw .invalidAddress(eventID: facts.event.id, field: "contact mairie \(index + 1)")
                    }
                }
                found = mairie
            }
            guard !found.isEmpty else { throw .noRecipient(eventID: facts.event.id, rule: rule.name, group: group) }
            addresses += found.filter { address in !addresses.contains { $0.addrSpec.lowercased() == address.addrSpec.lowercased() } }
        }
        return addresses
    }

    private func calendarAttachment(
        _ rule: ReminderRule, _ facts: ReminderFacts, values: [Placeholder: String],
        now: Int64
    ) throws -> MailAttachment {
        let evening = EveningCalendarEvent.Evening(
            facts.event, commune: facts.commune, seasonName: facts.seasonName, place: facts.setting.place)
        let calendarEvent = try EveningCalendarEvent.make(evening, sequence: facts.event.sequence)
        let calendar = try ICalendar(
            productID: PlanCalendar.productID, method: rule.trigger.callsOff ? .cancel : .publish,
            stamp: Date(timeIntervalSince1970: Double(now)), events: [calendarEvent])
        return try calendar.attachment(filename: "soiree.ics")
    }

    /// « 18 h 30 », « 21 h », « 2 h 30 »: a time as French writes it out.
    public static func spoken(_ time: LocalTime) -> String {
        String(time.hour) + " h" + (time.minute == 0 ? "" : " " + CivilDate.twoDigits(time.minute))
    }

    private static func euros(_ cents: Int) -> String {
        let whole = cents / 100
        let rest = cents % 100
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "\u{202F}" + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return digits + grouped + (rest == 0 ? "" : "," + (rest < 10 ? "0" : "") + String(rest)) + "\u{00A0}€"
    }
}
