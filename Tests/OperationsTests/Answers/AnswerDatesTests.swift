import CivilTime
import Foundation
import Planning
import TestSupport
import Testing

@testable import Operations
@testable import Store

/// The other dates the answer page offers, ranked by what they add to the route: checked for the
/// touring company of the shipped villages season (straight on) against a Python computation of
/// its drive, and for the guinguette's van (back to base every night: nearness alone).
struct AnswerDatesTests {
    @Test(arguments: ["tournee-des-villages-2027-72005-1", "tournee-des-villages-2027-79156-1", "tournee-des-villages-2027-69024-2"])
    func aStraightOnCompanyIsOfferedTheDatesThatAddTheFewestKilometres(event id: String) throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-dates")
        defer { scratch.remove() }
        let directory = try CommuneDirectory.loadShipped()
        let (database, loaded) = try PlanFixture.keptSeason("tournee-des-villages-2027", at: scratch.file("t.db"), directory: directory)
        let season = loaded.season
        let event = try #require(try EventStore(database).event(id: id))
        let desk = MairieDesk(database, directory: { directory }, seasons: KeptSeasonFacts(directory: { directory }))
        let offered = try desk.alternatives(for: event, at: PlanFixture.importedAt)
        let valid = try MoveChoices(database, directory: { directory }).dates(for: id, at: PlanFixture.importedAt)
        #expect(offered.count == min(MairieDesk.offeredDates, valid.count) && Set(offered).isSubset(of: valid))

        let vehicle = try #require(season.vehicle(id: event.planned.vehicle))
        #expect(vehicle.travel == .straightOn)
        guard case .detour(let factor) = season.distances else { throw Unexpected.distances }
        let place = Dictionary(season.communes.map { ($0.insee, $0.coordinate) }, uniquingKeysWith: { first, _ in first })
        let evenings = try EventStore(database).events(seasonID: event.planned.seasonID, statuses: [.proposed, .confirmed])
            .filter { $0.planned.vehicle == vehicle.id }
            .map { evening -> [String: Any] in
                let at = place[evening.planned.insee]!
                return ["id": evening.id, "date": evening.planned.slot.date.description, "lat": at.latitude, "lon": at.longitude]
            }
        let input: [String: Any] = [
            "base": [vehicle.base.coordinate.latitude, vehicle.base.coordinate.longitude], "detour": factor, "evenings": evenings,
            "moved": id, "dates": valid.map(\.description), "offered": MairieDesk.offeredDates,
        ]
        try JSONSerialization.data(withJSONObject: input).write(to: URL(fileURLWithPath: scratch.file("input.json")))
        let expected = try PythonPeer.json([String].self, "straight_on_dates.py", [scratch.file("input.json")])
        #expect(offered.map(\.description) == expected)
    }

    @Test func aReturnToBaseVanIsOfferedTheNearestDates() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-dates")
        defer { scratch.remove() }
        let directory = try CommuneDirectory.loadShipped()
        let (database, _) = try PlanFixture.keptSeason("guinguette-2027", at: scratch.file("t.db"), directory: directory)
        let id = "guinguette-2027-51315-1"
        let event = try #require(try EventStore(database).event(id: id))
        let desk = MairieDesk(database, directory: { directory }, seasons: KeptSeasonFacts(directory: { directory }))
        let offered = try desk.alternatives(for: event, at: PlanFixture.importedAt)
        let own = event.planned.slot.date
        let valid = try MoveChoices(database, directory: { directory }).dates(for: id, at: PlanFixture.importedAt)
        let nearest = valid.sorted { (abs(own.days(to: $0)), $0) < (abs(own.days(to: $1)), $1) }.prefix(MairieDesk.offeredDates)
        #expect(offered == nearest.sorted() && !offered.isEmpty, "\(offered) \(valid)")
    }

    enum Unexpected: Error { case distances }
}
