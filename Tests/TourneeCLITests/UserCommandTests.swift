import Foundation
import Store
import TestSupport
import Testing

/// `tournee user` as a person uses it: the real program, its password typed at a terminal or
/// piped, the accounts read back from the database by Python's sqlite3 and its hashlib.
struct UserCommandTests {
    struct Run: Decodable {
        let status: Int32
        let stdout: String
        let stderr: String
        let terminal: String
    }

    let world: RecordsWorld

    init() throws {
        world = try RecordsWorld()
        #expect(world.run(["schedule", "import", RecordsWorld.plan2023]).status == .success)
    }

    private func tournee(_ mode: String, _ lines: [String], _ arguments: [String]) throws -> Run {
        try PythonPeer.json(
            Run.self, "run_with_input.py",
            [mode, String(decoding: try JSONEncoder().encode(lines), as: UTF8.self), try BuiltProgram.path("tournee")] + arguments + [
                "--db", world.database,
            ])
    }

    @Test func aPasswordTypedAtTheTerminalIsAskedTwiceAndNeverShown() throws {
        let typed = try tournee(
            "terminal", ["ma phrase de passe", "ma phrase de passe"], ["user", "add", "anne", "--role", "planner", "--all-seasons"])
        #expect(typed.status == 0, "\(typed.terminal)")
        #expect(typed.terminal.contains("mot de passe de « anne » :"))
        #expect(typed.terminal.contains("encore une fois :"))
        #expect(typed.terminal.contains("Compte créé : anne (planificateur)"))
        #expect(!typed.terminal.contains("ma phrase"))
        let verified = try PythonPeer.run(
            code: """
                import base64, hashlib, sqlite3, sys
                stored = sqlite3.connect(sys.argv[1]).execute("SELECT password_hash FROM users WHERE name = 'anne'").fetchone()[0]
                scheme, iterations, salt, key = stored.split("$")
                print(int(iterations), hashlib.pbkdf2_hmac("sha256", sys.argv[2].encode(), base64.b64decode(salt), int(iterations), 32) == base64.b64decode(key))
                """, [world.database, "ma phrase de passe"])
        #expect(verified == "600000 True\n")

        let mismatch = try tournee("terminal", ["une phrase de passe", "une autre phrase"], ["user", "add", "bob", "--role", "planner"])
        #expect(mismatch.status == 65)
        #expect(mismatch.terminal.contains("les deux saisies du mot de passe diffèrent ; rien n'a été enregistré"))
        #expect(world.run(["user", "list"]).out == "anne  planificateur  toutes les saisons  actif\n1 compte(s)\n")
    }

    @Test func aPipedPasswordCreatesStaffAndTheAccountsAreListedAndChanged() throws {
        let added = try tournee(
            "pipe", ["une phrase pour le camion"],
            ["user", "add", "Bob", "--role", "staff", "--season", RecordsWorld.season2023, "--vehicle", "camion"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == "Compte créé : bob (équipe de camion)\n")
        #expect(world.run(["user", "list"]).out == "bob  équipe de camion  guinguette-2023  actif\n1 compte(s)\n")
        let listed = world.run(["user", "list", "--json"]).out
        #expect(listed.contains("\"vehicle\": \"camion\"") && !listed.contains("pbkdf2"))

        #expect(
            world.run(["user", "disable", "bob"], at: "2027-07-14T22:05:00+02:00").out
                == "Compte désactivé : bob ; ses sessions sont fermées\n")
        #expect(world.run(["user", "list"]).out == "bob  équipe de camion  guinguette-2023  désactivé le 2027-07-14 22:05\n1 compte(s)\n")
        #expect(world.run(["user", "enable", "bob"]).out == "Compte réactivé : bob\n")
        let before = try world.dump()
        let changed = try tournee("pipe", ["nouvelle phrase du camion"], ["user", "password", "bob"])
        #expect(changed.stdout == "Mot de passe changé : bob ; ses sessions sont fermées\n")
        #expect(try world.dump() != before)
    }

    @Test(arguments: [
        (
            ["user", "add", "carl", "--role", "staff", "--season", "guinguette-2023", "--vehicle", "vélo"], ["une phrase assez longue"], 65,
            "véhicule « vélo » absent des soirées de guinguette-2023 ; attendu l'un de : camion"
        ),
        (
            ["user", "add", "carl", "--role", "planner", "--season", "autre"], ["une phrase assez longue"], 65,
            "saison « autre » absente de la base"
        ),
        (["user", "add", "carl", "--role", "planner"], ["court"], 65, "mot de passe refusé : 5 caractères ; attendu au moins 12"),
        (["user", "add", "carl", "--role", "planner"], [], 65, "aucun mot de passe lu (entrée standard vide)"),
        (["user", "add", "carl", "--role", "chef"], [], 64, "--role : « chef » inconnu ; attendu staff ou planner"),
        (["user", "add", "carl"], [], 64, "add : --role staff|planner manquant"),
        (["user", "disable", "carl"], [], 65, "aucun compte « carl » ; voir tournee user list"),
        (["user", "list", "--role", "staff"], [], 64, "--role, --season, --all-seasons et --vehicle ne valent que pour add"),
        (["user", "remove", "carl"], [], 64, "action inconnue « remove »"),
    ])
    func refusalsSayWhyAndStoreNothing(arguments: [String], input: [String], status: Int32, message: String) throws {
        let before = try world.dump()
        let run = try tournee("pipe", input, arguments)
        #expect(run.status == status)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(try world.dump() == before)
    }
}
