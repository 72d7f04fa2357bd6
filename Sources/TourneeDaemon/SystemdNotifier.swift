import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// sd_notify written by hand: one `SOCK_DGRAM` datagram per state change to `$NOTIFY_SOCKET`
/// (a leading `@` is the abstract namespace), as sd_notify(3) describes. Without the variable
/// (not under systemd) every call does nothing.
public struct SystemdNotifier: Sendable {
    /// The socket address, `@` already turned into a NUL for the abstract namespace.
    private let address: [UInt8]?
    /// The watchdog period systemd asked for (`WATCHDOG_USEC`), if any.
    public let watchdogInterval: Duration?

    /// Reads `NOTIFY_SOCKET` and `WATCHDOG_USEC` (honoured only when `WATCHDOG_PID` is absent or ours).
    public init(environment: [String: String]) {
        if let socketPath = environment["NOTIFY_SOCKET"], !socketPath.isEmpty,
            socketPath.hasPrefix("/") || socketPath.hasPrefix("@")
        {
            var bytes = Array(socketPath.utf8)
            if bytes[0] == UInt8(ascii: "@") { bytes[0] = 0 }
            address = bytes
        } else {
            address = nil
        }
        let forUs = environment["WATCHDOG_PID"].map { Int32($0) == getpid() } ?? true
        if forUs, let text = environment["WATCHDOG_USEC"], let micro = Int64(text), micro > 0 {
            watchdogInterval = .microseconds(micro)
        } else {
            watchdogInterval = nil
        }
    }

    /// Whether a notification socket was given.
    public var isActive: Bool { address != nil }

    /// Sends `state` (e.g. `READY=1\nSTATUS=…`); returns false when not under systemd or on error
    /// (a lost notification must never stop the daemon).
    @discardableResult
    public func notify(_ state: String) -> Bool {
        guard let address else { return false }
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var socketAddress = sockaddr_un()
        socketAddress.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: socketAddress.sun_path)
        guard address.count < capacity else { return false }
        withUnsafeMutableBytes(of: &socketAddress.sun_path) { raw in
            raw.copyBytes(from: address)
        }
        // A path is NUL-terminated; an abstract name is exactly its bytes.
        let length = MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + address.count + (address[0] == 0 ? 0 : 1)
        let payload = Array(state.utf8)
        let sent = withUnsafePointer(to: &socketAddress) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                sendto(descriptor, payload, payload.count, Int32(MSG_NOSIGNAL), $0, socklen_t(length))
            }
        }
        return sent == payload.count
    }
}
