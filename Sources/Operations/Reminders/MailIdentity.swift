import Mail

/// Who the daemon writes as, and the fixed values templates may use.
public struct MailIdentity: Equatable, Sendable {
    /// The From address (and envelope sender).
    public var from: MailAddress
    /// Where replies go.
    public var replyTo: [MailAddress]
    /// The staff's addresses, for the `staff` recipient group.
    public var staff: [MailAddress]
    /// The planners' addresses, for the `planner` recipient group (answers to read, requests
    /// left unanswered).
    public var planners: [MailAddress]
    /// Who to call on the evening, for `{contact_soiree}`.
    public var eveningContact: String
    /// The closing of every message, for `{signature}`.
    public var signature: String
    /// The right part of every Message-ID.
    public var messageIDDomain: String
    /// Who organises the evenings, as the mairie should know them; nil when not configured.
    public var organiser: Organiser?
    /// The public address of `tourneed`'s pages (`http.baseURL`), for the staff's form links;
    /// nil when they are not served.
    public var pagesAddress: String?

    /// The organiser the requests name: who they are, how to call and write to them.
    public struct Organiser: Equatable, Sendable {
        /// The association or company ("Association La Guinguette mobile").
        public var name: String
        /// A phone number the mairie may call.
        public var phone: String
        /// The postal address, on one line.
        public var address: String

        /// Makes an organiser.
        public init(name: String, phone: String, address: String) {
            self.name = name
            self.phone = phone
            self.address = address
        }
    }

    /// Makes an identity.
    public init(
        from: MailAddress, replyTo: [MailAddress], staff: [MailAddress], planners: [MailAddress] = [], eveningContact: String,
        signature: String, messageIDDomain: String, organiser: Organiser? = nil, pagesAddress: String? = nil
    ) {
        self.from = from
        self.replyTo = replyTo
        self.staff = staff
        self.planners = planners
        self.eveningContact = eveningContact
        self.signature = signature
        self.messageIDDomain = messageIDDomain
        self.organiser = organiser
        self.pagesAddress = pagesAddress
    }
}
