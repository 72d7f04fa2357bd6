import CivilTime
import Foundation
import HTTPServer
import Operations
import Planning
import SeasonVocabulary
import Store
import TextFormats

/// The HTML of a mairie's answer page and of its « other date » step.
struct AnswerPage {
    let evening: MairieDesk.Evening
    let token: String
    let links: ReplyLinks
    let organiser: MailIdentity.Organiser?

    private var action: String { "/m/\(MarkupText.escaped(token))" }

    private var title: String {
        "Soirée du \(FrenchDate.writtenOut(evening.event.planned.slot.date)) \(FrenchPreposition.a.before(evening.communeName))"
    }

    /// The hidden fields every form of the page carries; each form has its own key, so that
    /// sending one after another is two answers, and sending one twice is one.
    private func hidden(_ key: String, _ answer: String) -> String {
        """
        <input type="hidden" name="csrf" value="\(links.formToken(for: token))">
        <input type="hidden" name="cle" value="\(MarkupText.escaped(key))-\(answer)">
        <input type="hidden" name="reponse" value="\(answer)">
        """
    }

    /// The facts of the evening, as a definition list; `full` adds the place, the set-up, the
    /// needs and the organiser (the « other date » step shows only the date and hours).
    private func facts(full: Bool = true) -> String {
        let slot = evening.event.planned.slot
        var rows: [(String, [String])] = [
            ("Date", [FrenchDate.writtenOut(slot.date)]),
            ("Horaires", ["de \(ReminderComposer.spoken(slot.localStart)) à \(ReminderComposer.spoken(slot.localEnd))"]),
        ]
        if full {
            if let place = evening.setting.place { rows.append(("Lieu", [place])) }
            if let setup = evening.setting.setupMinutes {
                let arrival = ParisTime.civil(Date(timeIntervalSince1970: Double(slot.startsAt - Int64(setup) * 60))).time
                rows.append(("Arrivée de l'équipe", ["vers \(ReminderComposer.spoken(arrival)), pour s'installer"]))
            }
            if !evening.setting.communeProvides.isEmpty { rows.append(("Demandé à la commune", evening.setting.communeProvides)) }
            if let organiser { rows.append(("Organisateur", [organiser.name, organiser.phone])) }
            rows.append(("État", [Self.state(evening.event.status)]))
        }
        let items = rows.map { label, values in
            let value =
                values.count == 1
                ? MarkupText.escaped(values[0]) : "<ul>" + values.map { "<li>\(MarkupText.escaped($0))</li>" }.joined() + "</ul>"
            return "<dt>\(MarkupText.escaped(label))</dt><dd>\(value)</dd>"
        }
        return "<dl class=\"faits\">" + items.joined() + "</dl>"
    }

    private static func state(_ status: EventStatus) -> String {
        switch status {
        case .proposed: "proposée, en attente de votre réponse"
        case .confirmed: "confirmée"
        case .declined: "date refusée par la mairie"
        case .cancelled, .withdrawn: "n'est plus prévue"
        case .done: "a eu lieu"
        }
    }

    private var given: String {
        guard let last = evening.answers.last else { return "" }
        let said: String
        switch last.choice {
        case .accepted: said = "Nous acceptons"
        case .otherDates:
            said =
                last.dates.isEmpty
                ? "Cette date ne convient pas" : "Autre date : " + last.dates.map(FrenchDate.writtenOut).joined(separator: ", ")
        case .declinedSeason: said = "Nous ne pourrons pas accueillir cette saison"
        }
        let comment = last.comment.isEmpty ? "" : " — « \(last.comment) »"
        return
            "<p class=\"annonce\">Votre réponse : \(MarkupText.escaped(said + comment)). \(evening.mayAnswer ? "Vous pouvez la changer jusqu'à une semaine avant la soirée." : "")</p>"
    }

    /// The page with the three answers (or, within a week of the evening, only the facts).
    func response(key: String) -> HTTPResponse {
        let live = [.proposed, .confirmed].contains(evening.event.status)
        let answers =
            evening.mayAnswer && live
            ? """
            <form method="post" action="\(action)" class="formulaire">\(hidden(key, "accepte"))
            <button type="submit">Nous acceptons</button></form>
            <p><a class="bouton" href="\(action)?etape=dates">Cette date ne convient pas</a></p>
            <form method="post" action="\(action)" class="formulaire">\(hidden(key, "refus"))
            <label for="commentaire">Un mot pour l'organisateur (facultatif)</label>
            <textarea id="commentaire" name="commentaire" rows="3" maxlength="2000"></textarea>
            <button type="submit" class="secondaire">Nous ne pourrons pas accueillir cette saison</button></form>
            """
            : (live
                ? "<p class=\"annonce\">La soirée a lieu dans moins d'une semaine : pour toute question, appelez l'organisateur.</p>" : "")
        return Page.response(title: title, body: facts() + given + answers)
    }

    /// The other dates the mairie may pick, with a comment.
    func datesPage(_ dates: [CivilDate], key: String) -> HTTPResponse {
        let boxes = dates.map { date in
            "<label class=\"case\"><input type=\"checkbox\" name=\"date\" value=\"\(date)\"> \(MarkupText.escaped(FrenchDate.writtenOut(date)))</label>"
        }
        let choice =
            dates.isEmpty
            ? "<p class=\"annonce\">Aucune autre date de la saison ne convient à la tournée : dites-nous quand vous seriez disponibles.</p>"
            : "<fieldset><legend>Les dates possibles pour la tournée : cochez celles qui conviennent (la première cochée sera retenue)</legend>\(boxes.joined(separator: "\n"))</fieldset>"
        let body = """
            \(facts(full: false))
            <form method="post" action="\(action)" class="formulaire">\(hidden(key, "autre-date"))
            \(choice)
            <label for="commentaire">Un mot pour l'organisateur (facultatif)</label>
            <textarea id="commentaire" name="commentaire" rows="3" maxlength="2000"></textarea>
            <button type="submit">Envoyer notre réponse</button></form>
            <p><a href="\(action)">Revenir sans répondre</a></p>
            """
        return Page.response(title: title, body: body)
    }
}
