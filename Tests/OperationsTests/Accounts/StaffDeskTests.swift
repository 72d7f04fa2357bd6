import CivilTime
import Foundation
import Testing

@testable import Operations
@testable import Store
@testable import TestSupport

/// The « Ce soir » desk on the small season (three evenings of the van « camion » in May 2027).
struct StaffDeskTests {
    static let first = "guinguette-2027-51315-printemps-1"
    static let second = "guinguette-2027-52543-printemps-1"
    static let third = "guinguette-2027-52006-printemps-1"
    let world: AccountsWorld
    let staff: UserAccount

    init() throws {
        world = try AccountsWorld()
        staff = try AccountBook(world.database).add(
            name: "bruno", role: .staff, password: "correct horse battery", vehicle: "camion", seasons: ["guinguette-2027"],
            allSeasons: false, at: world.now)
        for id in [Self.first, Self.second] {
            _ = try EventStore(world.database).confirm(id: id, reason: "accord", actor: "test", at: world.now)
        }
    }

    /// Unix seconds of a Paris wall-clock reading.
    static func paris(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Int64 {
        Int64(
            ParisTime.instant(on: CivilDate(year: 2027, month: 5, day: day)!, at: LocalTime(hour: hour, minute: minute)!)
                .timeIntervalSince1970)
    }

    static func input(_ event: String, attendance: String, localSpend: String = "") throws -> RecordInput {
        try RecordFields.input(
            event: event, attendance: attendance, animations: nil, partners: nil, localSpend: localSpend, sales: "", volunteers: "",
            weather: "", notes: "")
    }

    @Test func theListHoldsTodayAndTheLastDaysMostRecentFirst() throws {
        defer { world.remove() }
        let desk = StaffDesk(world.database)
        #expect(try desk.evenings(for: staff, at: Self.paris(14, 12)).isEmpty)
        let tonight = try desk.evenings(for: staff, at: Self.paris(15, 17))
        #expect(tonight.map(\.event.id) == [Self.first])
        #expect(tonight[0].hasStarted == false && tonight[0].record == nil && !tonight[0].communeName.isEmpty)
        #expect(try desk.evenings(for: staff, at: Self.paris(21, 23)).map(\.event.id) == [Self.third, Self.second])
        #expect(
            try desk.evenings(for: staff, at: Self.paris(21, 23), daysBack: 6).map(\.event.id) == [Self.third, Self.second, Self.first])
        // Another vehicle's team, or another season's, sees none of them.
        var other = staff
        other.vehicle = "vélo"
        #expect(try desk.evenings(for: other, at: Self.paris(21, 23)).isEmpty)
        other = staff
        other.seasons = ["autre-2027"]
        #expect(try desk.evenings(for: other, at: Self.paris(21, 23)).isEmpty)
    }

    @Test func aFormRecordsOnceHoweverOftenItArrives() throws {
        defer { world.remove() }
        let desk = StaffDesk(world.database)
        let at = Self.paris(15, 23, 40)
        #expect(
            try desk.submit(
                key: "form-key-0000000001", try Self.input(Self.first, attendance: "1 200", localSpend: "180 €"), by: staff, at: at)
                == .recorded)
        for resend in 1...3 {
            let again = try desk.submit(
                key: "form-key-0000000001", try Self.input(Self.first, attendance: "1 200", localSpend: "180 €"), by: staff,
                at: at + Int64(resend) * 3600)
            #expect(
                again
                    == .alreadyReceived(
                        FormSubmission(key: "form-key-0000000001", userID: staff.id, eventID: Self.first, outcome: .recorded, at: at)))
        }
        let record = try #require(try RecordStore(world.database).record(eventID: Self.first))
        #expect(record.entry.attendance == 1200 && record.entry.localSpendCents == 18_000 && record.recordedBy == "bruno")
        #expect(try EventStore(world.database).event(id: Self.first)?.status == .done)
        #expect(try RecordStore(world.database).records().count == 1)
    }

    @Test func aSecondFormCorrectsWithHistoryAndTheSameValuesChangeNothing() throws {
        defer { world.remove() }
        let desk = StaffDesk(world.database)
        let at = Self.paris(15, 23, 40)
        _ = try desk.submit(key: "form-key-0000000001", try Self.input(Self.first, attendance: "120"), by: staff, at: at)
        guard
            case .corrected(let correction) = try desk.submit(
                key: "form-key-0000000002", try Self.input(Self.first, attendance: "125"), by: staff, at: at + 60)
        else {
            Issue.record("the correction was not taken")
            return
        }
        #expect(correction.reason == StaffDesk.correctionReason && correction.actor == "bruno")
        #expect(try RecordStore(world.database).corrections(eventID: Self.first).count == 1)
        #expect(
            try desk.submit(key: "form-key-0000000003", try Self.input(Self.first, attendance: "125"), by: staff, at: at + 120)
                == .unchanged)
        #expect(try RecordStore(world.database).record(eventID: Self.first)?.entry.attendance == 125)
    }

    @Test func refusalsWriteNothing() throws {
        defer { world.remove() }
        let desk = StaffDesk(world.database)
        _ = try EventStore(world.database).cancel(id: Self.second, reason: "orage", actor: "test", at: world.now)
        var otherVehicle = staff
        otherVehicle.vehicle = "vélo"
        var otherSeason = staff
        otherSeason.seasons = ["autre-2027"]
        var disabled = staff
        disabled.disabledAt = world.now
        let late = Self.paris(25, 12)
        let cases: [(String, RecordInput, UserAccount, Int64, StaffRefusal)] = [
            ("form-key-0000000010", try Self.input(Self.first, attendance: "10"), staff, Self.paris(15, 18, 29), .notStarted),
            ("form-key-0000000011", try Self.input(Self.third, attendance: "10"), staff, late, .notConfirmed),
            ("form-key-0000000012", try Self.input(Self.second, attendance: "10"), staff, late, .calledOff),
            ("form-key-0000000013", try Self.input(Self.first, attendance: ""), staff, late, .attendanceMissing),
            ("form-key-0000000014", try Self.input(Self.first, attendance: "10"), otherVehicle, late, .notYours),
            ("form-key-0000000015", try Self.input(Self.first, attendance: "10"), otherSeason, late, .notYours),
            ("form-key-0000000016", try Self.input(Self.first, attendance: "10"), disabled, late, .notYours),
            ("form-key-0000000017", try Self.input("guinguette-2099-00000-1", attendance: "10"), staff, late, .notYours),
        ]
        for (key, input, account, at, refusal) in cases {
            #expect(throws: refusal) { try desk.submit(key: key, input, by: account, at: at) }
        }
        #expect(try RecordStore(world.database).records().isEmpty)
        #expect(try world.database.queryOne("SELECT count(*) FROM form_submissions") { $0.int(0) } == 0)
        _ = try desk.submit(key: "form-key-0000000020", try Self.input(Self.first, attendance: "10"), by: staff, at: late)
        #expect(throws: StaffRefusal.reusedForm) {
            try desk.submit(key: "form-key-0000000020", try Self.input(Self.third, attendance: "10"), by: staff, at: late)
        }
    }
}
