import Foundation
import Testing

@testable import Operations
@testable import Store
@testable import TestSupport

/// Sign-in, sessions and their limits, on a real database with the small season imported.
struct SessionKeeperTests {
    static let password = "correct horse battery"
    let world: AccountsWorld
    var database: Database { world.database }
    var now: Int64 { world.now }

    init() throws {
        world = try AccountsWorld()
        let book = AccountBook(database)
        try book.add(name: "Anne", role: .planner, password: Self.password, vehicle: nil, seasons: [], allSeasons: true, at: now)
        try book.add(
            name: "bob", role: .staff, password: Self.password, vehicle: "camion", seasons: ["guinguette-2027"], allSeasons: false, at: now)
    }

    private func open(_ name: String, at instant: Int64, address: String = "192.0.2.1") throws -> String {
        guard
            case .opened(let cookie, _, _) = try SessionKeeper(database).signIn(
                name: name, password: Self.password, address: address, at: instant)
        else { throw SupportError("sign-in of \(name) refused") }
        return cookie
    }

    @Test func aSessionIsResumedByItsCookieAndTheDatabaseKeepsOnlyItsHash() throws {
        defer { world.remove() }
        let cookie = try open("ANNE", at: now)
        #expect(cookie.count == 43)
        let resumed = try #require(try SessionKeeper(database).resume(cookie: cookie, at: now + 60))
        #expect(resumed.account.name == "anne")
        #expect(resumed.session.lastSeenAt == now)
        #expect(try SessionKeeper(database).resume(cookie: cookie + "x", at: now) == nil)
        let stored = try database.query("SELECT token_hash, csrf_token FROM sessions") { [$0.text(0), $0.text(1)] }
        #expect(stored.count == 1)
        #expect(!stored[0][0].contains(cookie) && stored[0][0] != cookie && stored[0][1] != cookie)
        #expect(try SessionStore(database).find(tokenHash: stored[0][0])?.lastSeenAt == now + 60)
        // Within the minute, a request reads the session without writing it.
        _ = try SessionKeeper(database).resume(cookie: cookie, at: now + 100)
        #expect(try SessionStore(database).find(tokenHash: stored[0][0])?.lastSeenAt == now + 60)
    }

    /// Session fixation: each sign-in makes a new id, and an old one is not reused.
    @Test func everySignInMakesANewSessionID() throws {
        defer { world.remove() }
        let cookies = try (0..<3).map { try open("bob", at: now + Int64($0)) }
        #expect(Set(cookies).count == 3)
        #expect(try SessionStore(database).count(userID: try UserStore(database).find(name: "bob")!.id) == 3)
    }

    @Test func idleAndAbsoluteLimitsEndASession() throws {
        defer { world.remove() }
        let policy = SessionPolicy()
        let idle = try open("bob", at: now)
        #expect(try SessionKeeper(database).resume(cookie: idle, at: now + policy.idleSeconds) != nil)
        #expect(try SessionKeeper(database).resume(cookie: idle, at: now + 2 * policy.idleSeconds + 1) == nil)
        // Ended, not merely refused: going back in time does not revive it.
        #expect(try SessionKeeper(database).resume(cookie: idle, at: now) == nil)
        let used = try open("bob", at: now)
        var instant = now
        while instant + policy.idleSeconds / 2 <= now + policy.absoluteSeconds {
            instant += policy.idleSeconds / 2
            #expect(try SessionKeeper(database).resume(cookie: used, at: instant) != nil)
        }
        #expect(try SessionKeeper(database).resume(cookie: used, at: now + policy.absoluteSeconds + 1) == nil)
    }

    @Test func signOutDisableAndPasswordChangeEndSessions() throws {
        defer { world.remove() }
        let keeper = SessionKeeper(database)
        let first = try open("bob", at: now)
        try keeper.signOut(cookie: first)
        #expect(try keeper.resume(cookie: first, at: now) == nil)
        let second = try open("bob", at: now)
        try AccountBook(database).setDisabled(name: "bob", true, at: now + 1)
        #expect(try keeper.resume(cookie: second, at: now + 2) == nil)
        #expect(try keeper.signIn(name: "bob", password: Self.password, address: "192.0.2.1", at: now + 3) == .refused)
        try AccountBook(database).setDisabled(name: "bob", false, at: now + 4)
        let third = try open("bob", at: now + 5)
        try AccountBook(database).changePassword(name: "bob", to: "another long passphrase", at: now + 6)
        #expect(try keeper.resume(cookie: third, at: now + 7) == nil)
        #expect(try keeper.signIn(name: "bob", password: Self.password, address: "192.0.2.1", at: now + 8) == .refused)
        #expect(try keeper.signIn(name: "bob", password: "another long passphrase", address: "192.0.2.1", at: now + 9) != .refused)
    }

    /// Five wrong passwords lock the account for the rest of the window — even the right one
    /// waits —, then it opens again; another account is not affected.
    @Test func theAccountLimitIsReachedThenLifted() throws {
        defer { world.remove() }
        let keeper = SessionKeeper(database)
        let policy = SessionPolicy()
        for second in 0..<5 {
            #expect(
                try keeper.signIn(name: "bob", password: "wrong guess \(second)", address: "198.51.100.\(second)", at: now + Int64(second))
                    == .refused)
        }
        let retryAt = now + policy.failureWindowSeconds
        #expect(
            try keeper.signIn(name: "bob", password: Self.password, address: "203.0.113.9", at: now + 10) == .throttled(retryAt: retryAt))
        #expect(try keeper.signIn(name: "anne", password: Self.password, address: "203.0.113.9", at: now + 10) != .refused)
        #expect(
            try keeper.signIn(name: "bob", password: Self.password, address: "203.0.113.9", at: retryAt - 1) == .throttled(retryAt: retryAt)
        )
        guard case .opened = try keeper.signIn(name: "bob", password: Self.password, address: "203.0.113.9", at: retryAt) else {
            Issue.record("the account stayed locked after its window")
            return
        }
        // The success clears the account's failures: one more mistake does not lock it again.
        #expect(try keeper.signIn(name: "bob", password: "wrong again", address: "203.0.113.9", at: retryAt + 1) == .refused)
        #expect(try keeper.signIn(name: "bob", password: Self.password, address: "203.0.113.9", at: retryAt + 2) != .refused)
    }

    /// One address guessing across many names (existing or not) is stopped after twenty.
    @Test func theAddressLimitStopsGuessingAcrossNames() throws {
        defer { world.remove() }
        let keeper = SessionKeeper(database)
        for attempt in 0..<20 {
            #expect(
                try keeper.signIn(name: "nobody\(attempt)", password: "guess", address: "198.51.100.7", at: now + Int64(attempt))
                    == .refused)
        }
        #expect(
            try keeper.signIn(name: "anne", password: Self.password, address: "198.51.100.7", at: now + 30)
                == .throttled(retryAt: now + 900))
        #expect(try keeper.signIn(name: "anne", password: Self.password, address: "198.51.100.8", at: now + 30) != .refused)
    }

    @Test func sweepEndsExpiredSessionsAndForgetsOldFailures() throws {
        defer { world.remove() }
        let keeper = SessionKeeper(database)
        _ = try open("bob", at: now)
        let recent = try open("anne", at: now + 9 * 3600)
        _ = try keeper.signIn(name: "bob", password: "wrong", address: "192.0.2.1", at: now)
        #expect(try keeper.sweep(at: now + 9 * 3600) == 1)
        #expect(try keeper.resume(cookie: recent, at: now + 9 * 3600) != nil)
        #expect(try database.queryOne("SELECT count(*) FROM login_failures") { $0.int(0) } == 0)
    }
}
