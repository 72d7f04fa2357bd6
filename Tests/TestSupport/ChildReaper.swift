import Foundation
import Glibc
import Mail

/// The watchdog of the test process: a shell that holds the read end of a socket only this process
/// writes to. It learns each child's process group as it starts and ends; when the test process
/// dies, however it dies (a crash, SIGKILL), the socket reaches end of file and the shell kills
/// the groups still listed. `deinit` and `stop()` cannot run in a process that was killed.
public final class ChildReaper: @unchecked Sendable {
    /// The one watchdog of this process, started on first use.
    public static let shared = ChildReaper()

    /// The watchdog's pid, nil if it could not be started (children are then still stopped by
    /// their owners, only not after a crash).
    public let pid: Int32?
    private let socket: Int32
    private let lock = NSLock()

    private static let script = """
        trap '' INT HUP
        groups=' '
        while read -r line; do
          case $line in
            +*) groups="$groups${line#+} " ;;
            -*) groups=${groups/ ${line#-} / } ;;
          esac
        done
        [ -z "${groups// /}" ] && exit 0
        for group in $groups; do kill -TERM -- "-$group" 2>/dev/null; done
        sleep 1
        for group in $groups; do kill -KILL -- "-$group" 2>/dev/null; done
        """

    init() {
        var ends: [Int32] = [-1, -1]
        // Close-on-exec on both ends: no other child may hold the socket open, or the watchdog
        // would not see the end of file while that child lives.
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            pid = nil
            socket = -1
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", Self.script]
        process.standardInput = FileHandle(fileDescriptor: ends[1], closeOnDealloc: false)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try ChildProcess.run(process)
            pid = process.processIdentifier
        } catch {
            pid = nil
        }
        close(ends[1])
        socket = ends[0]
    }

    /// Lists a child's process group to be killed if this process dies.
    func watch(_ group: Int32) { send("+\(group)\n") }

    /// Takes a child that ended off the list.
    func forget(_ group: Int32) { send("-\(group)\n") }

    /// Closes this process's end, as its death would: the watchdog then kills what is listed.
    func abandon() {
        lock.lock()
        defer { lock.unlock() }
        close(socket)
    }

    private func send(_ line: String) {
        guard pid != nil else { return }
        lock.lock()
        defer { lock.unlock() }
        // MSG_NOSIGNAL: were the watchdog gone, a write must fail, not kill the tests with SIGPIPE.
        _ = Array(line.utf8).withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }
}
