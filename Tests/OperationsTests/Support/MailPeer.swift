import Foundation
import TestSupport

/// Messages read back by Python's `email` and `icalendar` (the Mail tests' `parse_message.py`).
struct PeerMessage: Decodable {
    struct Attachment: Decodable {
        struct Calendar: Decodable {
            struct Event: Decodable {
                struct Moment: Decodable { let local: String; let tzid: String?; let utc: String }
                let uid: String?
                let status: String?
                let sequence: Int?
                let dtstart: Moment
                let dtend: Moment
            }
            let method: String
            let events: [Event]
        }
        let filename: String?
        let content_type: String
        let calendar: Calendar?
    }

    let defects: [String]
    let from: [[String]]
    let to: [[String]]
    let reply_to: [[String]]
    let subject: String
    let message_id: String
    let headers: [[String]]
    let body_encoding: String?
    let body: String?
    let attachments: [Attachment]

    /// The first header named `name`, decoded.
    func header(_ name: String) -> String? {
        headers.first { $0[0].lowercased() == name.lowercased() }?[1]
    }

    static let script = PythonPeer.repository.appendingPathComponent("Tests/MailTests/Fixtures/parse_message.py")

    /// One message's bytes, parsed.
    static func parse(_ bytes: [UInt8], in scratch: Scratch) throws -> PeerMessage {
        let file = scratch.file("message-\(UUID().uuidString).eml")
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return try JSONDecoder().decode(PeerMessage.self, from: PythonPeer.run(script: script, [file, "--calendar"]))
    }

    /// Every message of a maildir (`new/`), parsed, sorted by Message-ID.
    static func parseMaildir(_ path: String) throws -> [PeerMessage] {
        try JSONDecoder().decode([PeerMessage].self, from: PythonPeer.run(script: script, [path, "--calendar"]))
    }
}
