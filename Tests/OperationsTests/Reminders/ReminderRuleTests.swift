import CivilTime
import Planning
import SeasonVocabulary
import TestSupport
import Testing

@testable import Operations
@testable import Store

struct ReminderRuleTests {
    /// An evening on `date` at 19:00–23:00 Paris.
    private func event(date: String, status: EventStatus = .confirmed, sequence: Int = 0, updatedAt: Int64 = 0) -> Event {
        let day = CivilDate(iso: date)!
        let start = Int64(ParisTime.instant(on: day, at: LocalTime(hour: 19, minute: 0)!).timeIntervalSince1970)
        let slot = EventSlot(date: day, localStart: "19:00", localEnd: "23:00", startsAt: start, endsAt: start + 4 * 3_600)
        return Event(
            planned: PlannedEventRecord(id: "e", seasonID: "s", insee: "51315", slot: slot, vehicle: "camion", tour: nil, km: 1),
            status: status, version: 1, sequence: sequence, updatedAt: updatedAt)
    }

    private func rule(days: Int, at time: String, trigger: ReminderTrigger? = nil) -> ReminderRule {
        ReminderRule(
            name: "r", trigger: trigger ?? .evening(days: days), sendTime: LocalTime(text: time), recipients: [.mairie],
            template: "t", statuses: [.proposed, .confirmed], requirement: nil, deadline: ReminderDeadline(anchor: .start, days: 0))
    }

    @Test func sendTimesFollowParisClocksAcrossTheMarchChange() {
        // Clocks go forward on Sunday 28 March 2027 at 02:00.
        let monday = event(date: "2027-03-29")
        #expect(rule(days: -1, at: "10:00").sendInstant(for: monday) == Fixtures.instant("2027-03-28T08:00:00Z"))
        #expect(rule(days: -2, at: "10:00").sendInstant(for: monday) == Fixtures.instant("2027-03-27T09:00:00Z"))
        // The J-2 and J-1 of the same rule time are 23 hours apart that weekend.
        #expect(rule(days: -1, at: "10:00").sendInstant(for: monday) - rule(days: -2, at: "10:00").sendInstant(for: monday) == 23 * 3_600)
    }

    @Test func sendTimesFollowParisClocksAcrossTheOctoberChange() {
        // Clocks go back on Sunday 31 October 2027 at 03:00.
        let monday = event(date: "2027-11-01")
        #expect(rule(days: -1, at: "10:00").sendInstant(for: monday) == Fixtures.instant("2027-10-31T09:00:00Z"))
        #expect(rule(days: -2, at: "10:00").sendInstant(for: monday) == Fixtures.instant("2027-10-30T08:00:00Z"))
        #expect(rule(days: 1, at: "09:00").sendInstant(for: event(date: "2027-10-30")) == Fixtures.instant("2027-10-31T08:00:00Z"))
    }

    @Test func changeTriggersSendAtOnceOrAtTheNextSendTime() {
        let changed = Fixtures.instant("2027-03-01T08:30:00Z")  // 09:30 in Paris
        let cancelled = event(date: "2027-06-04", status: .cancelled, updatedAt: changed)
        let atOnce = ReminderRule(
            name: "a", trigger: .cancelled, sendTime: nil, recipients: [.mairie], template: "t",
            statuses: [.cancelled], requirement: nil, deadline: ReminderDeadline(anchor: .start, days: 0))
        #expect(atOnce.sendInstant(for: cancelled) == changed)
        #expect(rule(days: 0, at: "10:00", trigger: .cancelled).sendInstant(for: cancelled) == Fixtures.instant("2027-03-01T09:00:00Z"))
        #expect(rule(days: 0, at: "09:00", trigger: .cancelled).sendInstant(for: cancelled) == Fixtures.instant("2027-03-02T08:00:00Z"))
    }

    @Test func rulesApplyByStatusTriggerAndRecord() {
        let proposal = ReminderRule(
            name: "p", trigger: .proposed, sendTime: nil, recipients: [.mairie], template: "t",
            statuses: [.proposed], requirement: nil, deadline: ReminderDeadline(anchor: .start, days: 0))
        #expect(proposal.applies(to: event(date: "2027-06-04", status: .proposed), isRecorded: false, isLicensed: false))
        #expect(proposal.applies(to: event(date: "2027-06-04", status: .proposed, sequence: 1), isRecorded: false, isLicensed: false))
        #expect(!proposal.applies(to: event(date: "2027-06-04", status: .confirmed), isRecorded: false, isLicensed: false))
        let move = rule(days: 0, at: "09:00", trigger: .moved)
        #expect(!move.applies(to: event(date: "2027-06-04"), isRecorded: false, isLicensed: false))
        #expect(move.applies(to: event(date: "2027-06-04", sequence: 2), isRecorded: false, isLicensed: false))
        var thanks = rule(days: 2, at: "10:00")
        thanks.requirement = .recorded
        #expect(!thanks.applies(to: event(date: "2027-06-04"), isRecorded: false, isLicensed: false))
        #expect(thanks.applies(to: event(date: "2027-06-04"), isRecorded: true, isLicensed: false))
        #expect(!thanks.applies(to: event(date: "2027-06-04", status: .cancelled), isRecorded: true, isLicensed: false))
    }

    @Test func deadlinesParseAndCountFromTheEvening() {
        #expect(ReminderDeadline(text: "start") == ReminderDeadline(anchor: .start, days: 0))
        #expect(ReminderDeadline(text: "end+14d") == ReminderDeadline(anchor: .end, days: 14))
        #expect(ReminderDeadline(text: "start-21d") == ReminderDeadline(anchor: .start, days: -21))
        #expect(ReminderDeadline(text: "start-d") == nil)
        #expect(ReminderDeadline(text: "finish") == nil)
        #expect(ReminderDeadline(text: "end+3").map { _ in true } == nil)
        #expect(ReminderDeadline(anchor: .end, days: 2).instant(startsAt: 1_000, endsAt: 5_000) == 5_000 + 2 * 86_400)
    }
}
