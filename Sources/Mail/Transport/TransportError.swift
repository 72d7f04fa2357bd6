/// Why a message was not delivered: temporary (retry later) or permanent (park it), with the step and the reply.
public struct TransportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Whether retrying may help.
    public enum Kind: String, Hashable, Sendable {
        /// 4xx, connection refused, timeout, sendmail exit 75 (EX_TEMPFAIL): try again later.
        case temporary
        /// 5xx, bad address, sendmail failure: retrying the same message will not help.
        case permanent
    }

    /// Temporary or permanent.
    public let kind: Kind
    /// The step that failed, e.g. `connexion`, `EHLO`, `AUTH`, `MAIL FROM`, `RCPT TO`, `DATA`, `sendmail`, `maildir`.
    public let stage: String
    /// The server reply (code and text), the program's error output or the system error; never a password.
    public let detail: String
    /// Each recipient's refusal when every recipient was refused.
    public let refused: [RecipientFailure]
    /// The SMTP reply code when a reply explains the failure.
    public let replyCode: Int?

    /// An error; `refused` only when RCPT replies explain it, `replyCode` when a reply does.
    public init(_ kind: Kind, stage: String, detail: String, refused: [RecipientFailure] = [], replyCode: Int? = nil) {
        self.kind = kind
        self.stage = stage
        self.detail = detail
        self.refused = refused
        self.replyCode = replyCode
    }

    /// Whether a later retry may succeed.
    public var isTemporary: Bool { kind == .temporary }

    /// Whether the relay refuses this client as a whole rather than this message: credentials
    /// refused (535, or any permanent answer to AUTH) or authentication required (530). Every
    /// other message would get the same answer until the operator fixes the configuration.
    public var refusesClient: Bool {
        replyCode == 535 || replyCode == 530 || (stage == "AUTH" && kind == .permanent)
    }

    /// A French one-line explanation for logs and the operator.
    public var description: String {
        let label = kind == .temporary ? "échec temporaire" : "échec définitif"
        let recipients = refused.isEmpty ? "" : " [" + refused.map(\.description).joined(separator: "; ") + "]"
        return "\(label) à l'étape \(stage) : \(detail)\(recipients)"
    }

    /// The kind an SMTP reply code implies (RFC 5321 §4.2.1): 4yz temporary, anything else unexpected permanent.
    static func kind(ofReplyCode code: Int) -> Kind {
        (400..<500).contains(code) ? .temporary : .permanent
    }
}
