import CivilTime
import HTTPServer
import Operations
import Store
import TextFormats

/// The record form of one evening: what staff count on the square, in French habits (« 1 200 »,
/// « 180 € »). It carries a key made when it was shown, so that however often it is sent (a
/// double tap, the phone resending once the signal is back) it records once; prefilled with the
/// record when there is one, it sends a correction.
struct RecordForm {
    /// What was typed in the form, as text.
    struct Typed {
        var attendance = "", animations = "", localSpend = "", sales = "", volunteers = "", weather = "", notes = ""
        var partners: [String] = []
        var newPartner = "", newPartnerKind = "association"
        var key: String?

        init() {}

        init(_ fields: FormFields) {
            attendance = fields["personnes"] ?? ""
            animations = fields["animations"] ?? ""
            localSpend = fields["depenses_locales"] ?? ""
            sales = fields["ventes"] ?? ""
            volunteers = fields["benevoles"] ?? ""
            weather = fields["meteo"] ?? ""
            notes = fields["notes"] ?? ""
            partners = fields.values("partenaire")
            newPartner = fields["nouveau_partenaire"] ?? ""
            newPartnerKind = fields["type_partenaire"] ?? "association"
            key = fields["cle"].flatMap { key in
                (16...128).contains(key.utf8.count)
                    && key.unicodeScalars.allSatisfy {
                        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
                    }
                    ? key : nil
            }
        }

        /// The values of an existing record, to correct.
        init(_ record: EveningRecord) {
            attendance = String(record.entry.attendance)
            animations = record.entry.animations.joined(separator: "\n")
            localSpend = record.entry.localSpendCents.map(Self.euros) ?? ""
            sales = record.entry.salesCents.map(Self.euros) ?? ""
            volunteers = record.entry.volunteers.map(String.init) ?? ""
            weather = record.entry.weather ?? ""
            notes = record.entry.notes ?? ""
            partners = record.entry.partners.map { "\($0.name):\($0.kind.rawValue)" }
        }

        /// The record input; the lists are always given (an emptied list clears the record's).
        func input(eventID: String) throws(RecordFieldError) -> RecordInput {
            var chosen = partners
            let name = newPartner.trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { chosen.append("\(name):\(newPartnerKind)") }
            return try RecordFields.input(
                event: eventID, attendance: attendance.trimmingCharacters(in: .whitespaces),
                animations: animations.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                    !$0.isEmpty
                },
                partners: chosen, localSpend: localSpend.trimmingCharacters(in: .whitespaces),
                sales: sales.trimmingCharacters(in: .whitespaces),
                volunteers: volunteers.trimmingCharacters(in: .whitespaces), weather: weather.trimmingCharacters(in: .whitespaces),
                notes: notes.trimmingCharacters(in: .whitespacesAndNewlines))
        }

        /// Cents as a form shows them: « 180 », « 180,50 ».
        static func euros(_ cents: Int) -> String {
            cents % 100 == 0 ? String(cents / 100) : "\(cents / 100),\(CivilDate.twoDigits(cents % 100))"
        }
    }

    let evening: StaffEvening
    let signedIn: SignedIn
    let partners: [Partner]
    let key: String
    var typed: Typed?

    /// The kinds of partner offered, with the words `RecordFields` reads.
    static let kinds: [(String, String)] = [
        ("association", "Association"), ("producteur", "Producteur"), ("artiste", "Artiste"), ("food-truck", "Food truck"),
        ("autre", "Autre"),
    ]

    /// The label of a field named in a `RecordFieldError`.
    static func label(_ key: String) -> String {
        switch key {
        case "attendance": "Personnes présentes"
        case "local_spend_eur": "Dépenses locales"
        case "sales_eur": "Ventes"
        case "volunteers": "Bénévoles"
        case "partners": "Partenaires"
        default: key
        }
    }

    /// The page.
    func response(status: HTTPStatus = .ok, problem: String? = nil) -> HTTPResponse {
        let values = typed ?? evening.record.map(Typed.init) ?? Typed()
        let correcting = evening.record != nil
        var notice = problem.map { "<p class=\"erreur\" role=\"alert\">\(MarkupText.escaped($0))</p>" } ?? ""
        if !evening.hasStarted {
            notice += "<p class=\"annonce\">La soirée n'a pas encore commencé : le compte rendu s'enregistre une fois commencée.</p>"
        } else if evening.event.status == .proposed {
            notice += "<p class=\"annonce\">La mairie n'a pas confirmé cette soirée : prévenez le planificateur.</p>"
        }
        let known = Set(values.partners)
        let partnerBoxes = partners.map { partner -> String in
            let value = "\(partner.name):\(partner.kind.rawValue)"
            return """
                <label class="case"><input type="checkbox" name="partenaire" value="\(MarkupText.escaped(value))"\(known.contains(value) ? " checked" : "")> \(MarkupText.escaped(partner.name))</label>
                """
        }
        let kindOptions = Self.kinds.map { word, label in
            "<option value=\"\(word)\"\(values.newPartnerKind == word ? " selected" : "")>\(label)</option>"
        }
        let body = """
            <p class="quand">\(MarkupText.escaped(EveningText.when(evening.event)))</p>
            \(notice)
            <p id="etat-envoi" class="etat" aria-live="polite"></p>
            <form method="post" action="/soiree/\(MarkupText.escaped(evening.event.id))" class="formulaire" data-hors-ligne>
            <input type="hidden" name="csrf" value="\(MarkupText.escaped(signedIn.session.csrfToken))">
            <input type="hidden" name="cle" value="\(MarkupText.escaped(key))">
            \(field("personnes", "Personnes présentes", values.attendance, numeric: true, required: !correcting))
            <label for="animations">Animations (une par ligne)</label>
            <textarea id="animations" name="animations" rows="3">\(MarkupText.escaped(values.animations))</textarea>
            <fieldset><legend>Partenaires</legend>
            \(partnerBoxes.joined(separator: "\n"))
            <label for="nouveau_partenaire">Ajouter un partenaire</label>
            <input id="nouveau_partenaire" name="nouveau_partenaire" value="\(MarkupText.escaped(values.newPartner))">
            <label for="type_partenaire">Type du partenaire ajouté</label>
            <select id="type_partenaire" name="type_partenaire">\(kindOptions.joined())</select>
            </fieldset>
            \(field("depenses_locales", "Dépenses locales (€)", values.localSpend, numeric: true))
            \(field("ventes", "Ventes des partenaires (€)", values.sales, numeric: true))
            \(field("benevoles", "Bénévoles", values.volunteers, numeric: true))
            \(field("meteo", "Météo", values.weather))
            <label for="notes">Note</label>
            <textarea id="notes" name="notes" rows="3">\(MarkupText.escaped(values.notes))</textarea>
            <button type="submit">\(correcting ? "Corriger le compte rendu" : "Enregistrer la soirée")</button>
            </form>
            <p><a href="/soirees">Retour aux soirées</a></p>
            """
        return Page.response(status, title: evening.communeName, signedIn: signedIn, body: body, script: true)
    }

    private func field(_ name: String, _ label: String, _ value: String, numeric: Bool = false, required: Bool = false) -> String {
        """
        <label for="\(name)">\(label)</label>
        <input id="\(name)" name="\(name)" value="\(MarkupText.escaped(value))"\(numeric ? " inputmode=\"decimal\"" : "")\(required ? " required" : "")>
        """
    }
}
