import Foundation
import Testing

@testable import Operations
@testable import Store
@testable import TestSupport

struct AccountBookTests {
    let world: AccountsWorld
    var database: Database { world.database }
    var now: Int64 { world.now }

    init() throws {
        world = try AccountsWorld()
    }

    private func add(
        _ name: String, _ role: AccountRole, password: String = "correct horse battery", vehicle: String? = nil,
        seasons: [String] = [], all: Bool = false
    ) throws -> UserAccount {
        try AccountBook(database).add(
            name: name, role: role, password: password, vehicle: vehicle, seasons: seasons, allSeasons: all, at: now)
    }

    @Test func theRulesOfAnAccountAreCheckedAndNothingIsStoredOnRefusal() throws {
        defer { world.remove() }
        let refusals: [(() throws -> UserAccount, AccountError)] = [
            ({ try add("bo b", .planner) }, .invalidName("bo b")),
            ({ try add("", .planner) }, .invalidName("")),
            ({ try add("élodie", .planner) }, .invalidName("élodie")),
            ({ try add(String(repeating: "a", count: 65), .planner) }, .invalidName(String(repeating: "a", count: 65))),
            ({ try add("anne", .planner, password: "court") }, .weakPassword("5 caractères ; attendu au moins 12")),
            ({ try add("anne", .planner, seasons: ["autre-2027"]) }, .unknownSeason("autre-2027")),
            ({ try add("anne", .planner, vehicle: "camion", all: true) }, .vehicleForPlanner),
            ({ try add("bob", .staff, vehicle: "camion") }, .staffWithoutSeason),
            (
                { try add("bob", .staff, seasons: ["guinguette-2027"]) },
                .vehicle("un compte staff a besoin de --vehicle (l'un de : camion)")
            ),
        ]
        for (attempt, expected) in refusals { #expect(throws: expected) { try attempt() } }
        #expect(try UserStore(database).all().isEmpty)
        let bob = try add("Bob", .staff, vehicle: "camion", seasons: ["guinguette-2027"])
        #expect(bob.name == "bob" && bob.mayOpen(season: "guinguette-2027") && !bob.mayOpen(season: "autre-2027"))
        #expect(throws: AccountError.nameTaken("bob")) { try add("BOB", .planner) }
        #expect(try UserStore(database).find(name: "bob") == bob)
    }

    @Test func aPlannerWithEverySeasonOpensAnyOfThem() throws {
        defer { world.remove() }
        let anne = try add("anne", .planner, all: true)
        #expect(anne.mayOpen(season: "guinguette-2027") && anne.mayOpen(season: "next-year"))
        #expect(throws: AccountError.unknownAccount("carl")) { try AccountBook(database).changePassword(name: "carl", to: "x", at: now) }
        #expect(throws: AccountError.weakPassword("il contient le nom du compte")) {
            try AccountBook(database).changePassword(name: "anne", to: "anne est la meilleure", at: now)
        }
    }
}
