import Cryptography
import Store

/// The mairies' personal links: `BASEURL/m/TOKEN`, the token signed with the key ring for the
/// evening and the mairie's address, valid until three days after the evening. The answer
/// page's forms carry a CSRF token derived from the link's token with the same key, so no
/// state is kept for it and another site, which cannot read the page, cannot forge it.
public struct ReplyLinks: Sendable {
    /// The key ring the tokens are signed with.
    public let ring: LinkKeyRing
    /// The public address of the pages, without a final `/`.
    public let baseURL: String

    /// Links under `baseURL` signed with `ring`.
    public init(ring: LinkKeyRing, baseURL: String) {
        self.ring = ring
        self.baseURL = baseURL
    }

    /// The link of `event` for the mairie at `address`.
    public func url(for event: Event, address: String) -> String? {
        ring.sign(LinkClaims(eventID: event.id, mairieAddress: address, evening: event.planned.slot.date)).map { "\(baseURL)/m/\($0)" }
    }

    /// The CSRF token of the page of link token `token`.
    public func formToken(for token: String) -> String {
        var mac = HMACSHA256(key: ring.newest.secret)
        mac.update(Array("formulaire de réponse:\(token)".utf8))
        return Base64URL.encode(mac.finalize())
    }

    /// Whether `candidate` is the CSRF token of `token`'s page.
    public func isFormToken(_ candidate: String, for token: String) -> Bool {
        ConstantTime.equal(Array(candidate.utf8), Array(formToken(for: token).utf8))
    }
}
