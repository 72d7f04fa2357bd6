import CivilTime
import Planning
import Testing

@testable import Operations

struct MessageTemplateTests {
    @Test func aTemplateHasASubjectABlankLineAndKnownFields() throws {
        let template = try MessageTemplate(
            name: "t", text: "Objet : Soirée à {commune}\n\nBonjour {contact_mairie},\nle {date}.\n\n",
            file: "t.txt")
        #expect(template.placeholders == [.commune, .contactMairie, .date])
        let (subject, body) = template.render([.commune: "Landricourt", .contactMairie: "M. Thiébaut", .date: "samedi 15 mai 2027"])
        #expect(subject == "Soirée à Landricourt")
        #expect(body == "Bonjour M. Thiébaut,\nle samedi 15 mai 2027.\n")
    }

    @Test func unknownFieldsAndBadShapesAreRefusedWithTheirLine() {
        #expect(
            throws: ConfigurationError.invalid(
                file: "t.txt", line: 4, key: "{nom}",
                expected:
                    "champ inconnu (champs connus : commune, a_commune, de_commune, date, ancienne_date, debut, fin, lieu, arrivee, demandes, contact_mairie, contact_soiree, saison, vehicule, evenement, participants, benevoles, animations, depenses_locales, signature, organisateur, telephone_organisateur, adresse_organisateur, lien_reponse, lien_saisie, commande_saisie, lien_tableau, reponse, dates_choisies, commentaire, suite_donnee, suite_pour_la_mairie, adresse_reponse, date_demande, date_reponse, si_a_votre_demande, si_de_notre_fait)"
            )
        ) {
            try MessageTemplate(name: "t", text: "Objet : x\n\nBonjour,\n{nom}\n", file: "t.txt")
        }
        #expect(
            throws: ConfigurationError.invalid(file: "t.txt", line: 1, key: "Objet", expected: "la première ligne doit être « Objet : … »")
        ) {
            try MessageTemplate(name: "t", text: "Bonjour\n\nx\n", file: "t.txt")
        }
        #expect(throws: ConfigurationError.invalid(file: "t.txt", line: 2, key: "Objet", expected: "une ligne vide après l'objet")) {
            try MessageTemplate(name: "t", text: "Objet : x\nBonjour\n", file: "t.txt")
        }
        #expect(throws: ConfigurationError.invalid(file: "t.txt", line: 3, key: "modèle", expected: "accolade « { » sans partenaire")) {
            try MessageTemplate(name: "t", text: "Objet : x\n\nle {date\n", file: "t.txt")
        }
    }

    /// A fact the evening lacks takes its whole line out, and the blank line it would leave
    /// doubled goes with it: never « lieu : » alone, never « non renseigné ».
    @Test func aLineWhoseFactIsMissingIsLeftOut() throws {
        let template = try MessageTemplate(
            name: "t", text: "Objet : {commune}\n\nBonjour,\n- lieu : {lieu} ;\n- soirée à {debut}.\n\n{lien_reponse}\n\nMerci\n",
            file: "t.txt")
        let full = template.render([.commune: "Curel", .lieu: "place du Lavoir", .debut: "18 h 30", .lienReponse: "https://x.test/r"])
        #expect(full.body == "Bonjour,\n- lieu : place du Lavoir ;\n- soirée à 18 h 30.\n\nhttps://x.test/r\n\nMerci\n")
        let bare = template.render([.commune: "Curel", .debut: "18 h 30"])
        #expect(bare.subject == "Curel")
        #expect(bare.body == "Bonjour,\n- soirée à 18 h 30.\n\nMerci\n")
    }

    @Test func datesAreWrittenOutInFrench() {
        #expect(FrenchDate.writtenOut(CivilDate(year: 2027, month: 6, day: 4)!) == "vendredi 4 juin 2027")
        #expect(FrenchDate.writtenOut(CivilDate(year: 2027, month: 5, day: 1)!) == "samedi 1er mai 2027")
        #expect(FrenchDate.writtenOut(CivilDate(year: 2027, month: 8, day: 15)!) == "dimanche 15 août 2027")
    }
}
