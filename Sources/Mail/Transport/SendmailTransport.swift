import Foundation
import Glibc

/// Hands each message to a sendmail-compatible program (sendmail, msmtp…) on standard input.
/// The executable must ignore SIGPIPE (`signal(SIGPIPE, SIG_IGN)`) so a child that exits early cannot kill it.
public struct SendmailTransport: MailTransport {
    /// Where the program takes the recipients from.
    public enum RecipientSource: Sendable {
        /// From the command line: `-i -f SENDER -- RECIPIENT…` (the envelope exactly).
        case envelope
        /// From the To, Cc and Bcc headers: `-t -i -f SENDER`.
        case headers
    }

    /// The program's path, e.g. `/usr/sbin/sendmail` or `/usr/bin/msmtp`.
    public let program: String
    /// Arguments placed before the standard ones, e.g. msmtp's `--account=tournee`.
    public let arguments: [String]
    /// Envelope or headers.
    public let recipientSource: RecipientSource
    /// How long the program may run before it is terminated (then killed) and the attempt counted as temporary.
    public let timeout: Duration

    /// A transport running `program`.
    public init(
        program: String, arguments: [String] = [], recipientSource: RecipientSource = .envelope,
        timeout: Duration = .seconds(120)
    ) {
        self.program = program
        self.arguments = arguments
        self.recipientSource = recipientSource
        self.timeout = timeout
    }

    /// The full argument list for `message`.
    func commandLine(for message: OutgoingMessage) -> [String] {
        switch recipientSource {
        case .envelope:
            return arguments + ["-i", "-f", message.sender.addrSpec, "--"] + message.recipients.map(\.addrSpec)
        case .headers:
            return arguments + ["-t", "-i", "-f", message.sender.addrSpec]
        }
    }

    /// Runs the program once: exit 0 delivered, 75 (EX_TEMPFAIL) or a timeout temporary, other codes permanent with its error output.
    public func send(_ message: OutgoingMessage) throws(TransportError) -> DeliveryReport {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = commandLine(for: message)
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try ChildProcess.run(process)
        } catch {
            throw TransportError(.permanent, stage: "sendmail", detail: "\(program) : lancement impossible (\(error.localizedDescription))")
        }
        let streams = DispatchGroup()
        let errorText = CollectedOutput()
        DispatchQueue.global().async(group: streams) {
            ChildProcess.writeAll(message.data, to: input.fileHandleForWriting)
        }
        DispatchQueue.global().async(group: streams) { _ = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: streams) { errorText.append(errors.fileHandleForReading.readDataToEndOfFile()) }
        if finished.wait(timeout: .now() + timeout.timeInterval) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 5) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
            throw TransportError(.temporary, stage: "sendmail", detail: "\(program) : délai dépassé, processus arrêté")
        }
        // A grandchild may hold the pipes open: do not wait for it longer than a moment.
        _ = streams.wait(timeout: .now() + 2)
        let stderr = errorText.text
        switch (process.terminationReason, process.terminationStatus) {
        case (.exit, 0):
            return DeliveryReport(accepted: message.recipients, reply: stderr.isEmpty ? "\(program) : 0" : stderr)
        case (.exit, 75):
            throw TransportError(.temporary, stage: "sendmail", detail: "\(program) : sortie 75 (EX_TEMPFAIL) : \(stderr)")
        case (.exit, let status):
            throw TransportError(.permanent, stage: "sendmail", detail: "\(program) : sortie \(status) : \(stderr)")
        case (_, let signal):
            throw TransportError(.temporary, stage: "sendmail", detail: "\(program) : tué par le signal \(signal) : \(stderr)")
        }
    }
}

/// The standard error of a child, kept to its first 4 KiB, filled from another thread.
private final class CollectedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ chunk: Data) {
        lock.withLock { data += chunk.prefix(4096 - data.count) }
    }

    /// The text on one line, trimmed.
    var text: String {
        lock.withLock {
            String(decoding: data, as: UTF8.self)
                .split(whereSeparator: \.isNewline).joined(separator: " / ")
                .trimmingCharacters(in: .whitespaces)
        }
    }
}

extension Duration {
    /// The duration in seconds, for Dispatch deadlines.
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
