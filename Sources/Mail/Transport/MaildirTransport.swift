import Foundation
import Glibc
import Synchronization
import TextFormats

/// Delivers each message as a file in a maildir (tmp/ then renamed into new/), for dry runs.
/// Lines are stored with LF ends, as maildir readers expect, after `Return-Path` and `X-Envelope-To` lines.
public final class MaildirTransport: MailTransport {
    /// The maildir folder; tmp/, new/ and cur/ are created when missing.
    public let directory: String
    private let hostname: String
    private let now: @Sendable () -> Date
    private let sequence = Mutex<Int>(0)

    /// A transport writing under `directory`; `now` gives the time part of unique names (no wall clock read here).
    public init(directory: String, hostname: String = MaildirTransport.localHostname(), now: @escaping @Sendable () -> Date) {
        self.directory = directory
        self.hostname = hostname.map { $0 == "/" ? "\\057" : $0 == ":" ? "\\072" : String($0) }.joined()
        self.now = now
    }

    /// This machine's host name, as maildir names carry it.
    public static func localHostname() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Writes, fsyncs and renames one file into new/; a full disk is temporary, other failures permanent. O(size).
    public func send(_ message: OutgoingMessage) throws(TransportError) -> DeliveryReport {
        for sub in ["", "/tmp", "/new", "/cur"] {
            if mkdir(directory + sub, 0o700) != 0 && errno != EEXIST { throw failure("création de \(directory + sub)") }
        }
        var content = Array(
            "Return-Path: <\(message.sender.addrSpec)>\nX-Envelope-To: \(message.recipients.map(\.addrSpec).joined(separator: ", "))\n".utf8
        )
        var lines = HardLines.split(message.data)
        if lines.count > 1 && lines.last!.isEmpty { lines.removeLast() }
        for line in lines { content += line + [10] }
        while true {
            let name = uniqueName()
            let temporary = "\(directory)/tmp/\(name)"
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor < 0 && errno == EEXIST { continue }
            guard descriptor >= 0 else { throw failure("écriture de \(temporary)") }
            var written = 0
            while written < content.count {
                let count = content.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else {
                    let error = failure("écriture de \(temporary)")
                    close(descriptor)
                    unlink(temporary)
                    throw error
                }
                written += count
            }
            guard fsync(descriptor) == 0 else {
                let error = failure("fsync de \(temporary)")
                close(descriptor)
                unlink(temporary)
                throw error
            }
            close(descriptor)
            let final = "\(directory)/new/\(name)"
            guard rename(temporary, final) == 0 else {
                let error = failure("renommage en \(final)")
                unlink(temporary)
                throw error
            }
            let folder = open("\(directory)/new", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if folder >= 0 {
                fsync(folder)
                close(folder)
            }
            return DeliveryReport(accepted: message.recipients, reply: "maildir : \(final)")
        }
    }

    /// `seconds.MmicrosecondsPpidQn.host`, unique per process by the counter (maildir naming).
    private func uniqueName() -> String {
        let instant = now().timeIntervalSince1970
        let seconds = Int(instant.rounded(.down))
        let microseconds = Int(((instant - Double(seconds)) * 1_000_000).rounded(.down))
        let number = sequence.withLock { value in
            value += 1
            return value
        }
        return "\(seconds).M\(microseconds)P\(getpid())Q\(number).\(hostname)"
    }

    /// The error for the current errno: no space, quota or I/O trouble may pass, the rest will not.
    private func failure(_ action: String) -> TransportError {
        let code = errno
        let kind: TransportError.Kind = [ENOSPC, EDQUOT, EIO, EAGAIN, EINTR].contains(code) ? .temporary : .permanent
        return TransportError(kind, stage: "maildir", detail: "\(action) : \(SystemErrorText.french(code))")
    }
}
