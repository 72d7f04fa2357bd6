/// The lines of SQLite's `PRAGMA integrity_check` in French: SQLite writes them in English for
/// its own developers ("Page 2: free space corruption"); the person needs to know what part of
/// the file is damaged and what to do, without SQLite's words.
enum IntegrityText {
    /// One line of `integrity_check` as a French sentence. O(length of the line).
    static func french(_ line: String) -> String {
        if let table = line.firstMatch(of: /^CHECK constraint failed in (.+)$/)?.1 {
            return "une ligne de la table \(table) enfreint une contrainte du schéma"
        }
        if let match = line.firstMatch(of: /^NULL value in ([^.]+)\.(.+)$/) {
            return "la colonne \(match.2) de la table \(match.1) contient une valeur vide interdite ; restaurez une sauvegarde"
        }
        if let index = line.firstMatch(of: /(?:missing from|entries in|entry in) index (\S+)/)?.1 {
            return "l'index \(index) ne correspond plus à sa table ; restaurez une sauvegarde"
        }
        if let page = line.firstMatch(of: /[Pp]age (\d+)/)?.1 {
            return "la page \(page) du fichier est abîmée ; restaurez une sauvegarde"
        }
        if line.hasPrefix("Freelist") {
            return "la liste des pages libres du fichier est abîmée ; restaurez une sauvegarde"
        }
        return "la structure du fichier est abîmée ; restaurez une sauvegarde"
    }
}
