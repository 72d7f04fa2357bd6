import Store
import Testing

@testable import Operations

struct SeasonChangeTests {
    static func snapshot(_ files: [(String, String)]) -> SeasonSnapshot {
        SeasonSnapshot(
            seasonID: "s", folder: "/s", importedAt: 0, importedBy: "a", files: files.map { SeasonSnapshot.File(name: $0.0, content: $0.1) }
        )
    }

    @Test func theSameFilesAreNoChange() {
        let files = [("season.json", "{\"a\": 1}"), ("communes.csv", "insee,name\n52448,Saint-Dizier\n")]
        #expect(SeasonChange.between(kept: Self.snapshot(files), new: Self.snapshot(files)).isEmpty)
    }

    @Test func jsonKeysAreComparedByPath() {
        let kept = Self.snapshot([
            ("season.json", #"{"minDaysBetweenVisits": 21, "tours": [{"name": "Été", "to": "2027-08-15"}], "seed": 1}"#)
        ])
        let new = Self.snapshot([
            (
                "season.json",
                #"{"minDaysBetweenVisits": 14, "tours": [{"name": "Été", "to": "2027-08-22"}, {"name": "Automne"}], "objective": {}}"#
            )
        ])
        #expect(
            SeasonChange.between(kept: kept, new: new).items.map(\.description) == [
                "season.json : minDaysBetweenVisits modifié : « 21 » → « 14 »",
                "season.json : tours[0].to modifié : « 2027-08-15 » → « 2027-08-22 »",
                "season.json : tours[1] ajouté : « {\"name\": \"Automne\"} »",
                "season.json : objective ajouté : « {} »",
                "season.json : seed retiré : « 1 »",
            ])
    }

    @Test func communesAreComparedByINSEECodeAndOtherFilesAsAWhole() {
        let kept = Self.snapshot([
            ("communes.csv", "insee,name,max_visits\n51008,Ambrières,1\n51315,Landricourt,2\n"), ("vacances.csv", "zone\nA\n"),
            ("distances.csv", "from,to,km\n"),
        ])
        let new = Self.snapshot([
            ("communes.csv", "insee,name,max_visits,notes\n51315,Landricourt,1,\n52448,Saint-Dizier,1,\n"), ("vacances.csv", "zone\nB\n"),
            ("extra.csv", "x\n"),
        ])
        let lines = SeasonChange.between(kept: kept, new: new).items.map(\.description)
        #expect(
            Array(lines.prefix(4)) == [
                "communes.csv : colonne notes ajoutée",
                "communes.csv : commune 51315 (Landricourt) modifiée : max_visits « 2 » → « 1 »",
                "communes.csv : commune 52448 (Saint-Dizier) ajoutée",
                "communes.csv : commune 51008 (Ambrières) retirée",
            ])
        #expect(lines[4].hasPrefix("vacances.csv : fichier modifié : 7 octets, fnv1a64 "))
        #expect(lines[5].hasPrefix("extra.csv : fichier ajouté : 2 octets, fnv1a64 "))
        #expect(lines[6].hasPrefix("distances.csv : fichier retiré : 11 octets"))
        #expect(lines.count == 7)
    }

    /// Only spacing changed: no key differs, but the text did, and that is said.
    @Test func aChangeOfSpacingOnlyIsStillAChange() {
        let kept = Self.snapshot([("season.json", "{\"a\": 1}")])
        let new = Self.snapshot([("season.json", "{ \"a\": 1 }\n")])
        let items = SeasonChange.between(kept: kept, new: new).items
        #expect(items.count == 1)
        #expect(items.first?.subject == "")
        #expect(items.first?.kind == .changed)
    }
}
