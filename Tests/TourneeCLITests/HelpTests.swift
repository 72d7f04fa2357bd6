import CommandLineSupport
import Testing
import TourneeCLI

struct HelpTests {
    @Test func topLevelHelpIsPinned() throws {
        let run = TourneeRun(["--help"])
        #expect(run.status == .success)
        #expect(run.out == (try TourneeRun.golden("help.txt")))
        #expect(run.err.isEmpty)
    }

    @Test(arguments: Tournee.commandNames)
    func everyCommandHelpIsPinned(command: String) throws {
        let run = TourneeRun([command, "--help"])
        #expect(run.status == .success)
        #expect(run.out == (try TourneeRun.golden("help-\(command).txt")))
        #expect(TourneeRun(["help", command]).out == run.out)
    }

    @Test func versionAndNoArguments() {
        #expect(TourneeRun(["--version"]).out == "tournee \(Tournee.version)\n")
        let bare = TourneeRun([])
        #expect(bare.status == .usage)
        #expect(bare.err.hasPrefix("tournee \(Tournee.version)"))
    }

    @Test(arguments: [
        (["plan-it"], "tournee: commande inconnue « plan-it » ; voir tournee --help\n"),
        (["validate"], "tournee: validate : SAISON manquant\nUsage : voir tournee validate --help\n"),
        (["validate", "a", "b"], "tournee: validate : argument en trop « b »\nUsage : voir tournee validate --help\n"),
        (["evenings", "tours/x", "--every"], "tournee: evenings : option inconnue « --every »\nUsage : voir tournee evenings --help\n"),
        (
            ["holidays", "1899"],
            "tournee: holidays : ANNÉE : année entre 1900 et 2200 attendue, trouvé « 1899 »\nUsage : voir tournee holidays --help\n"
        ),
        (
            ["holidays", "2027", "-a"],
            "tournee: holidays : option inconnue « -a » (les options s'écrivent --nom)\nUsage : voir tournee holidays --help\n"
        ),
        (
            ["communes"],
            "tournee: communes : une et une seule des options --insee, --epci, --search attendue\nUsage : voir tournee communes --help\n"
        ),
        (["communes", "--search"], "tournee: communes : --search attend une valeur\nUsage : voir tournee communes --help\n"),
        (["communes", "--insee"], "tournee: communes : --insee attend une valeur\nUsage : voir tournee communes --help\n"),
    ])
    func usageErrorsExit64WithAMessage(arguments: [String], message: String) {
        let run = TourneeRun(arguments)
        #expect(run.status == .usage)
        #expect(run.err == message)
        #expect(run.out.isEmpty)
    }
}
