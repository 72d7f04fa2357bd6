import Foundation

/// The process's peak resident memory, from Linux's `/proc/self/status` (proc(5), `VmHWM`).
enum PeakMemory {
    /// The peak resident set so far in mebibytes, nil where `/proc` is absent (macOS).
    static func current() -> Double? {
        // /proc files report a size of 0, so read them as a stream rather than by their stated size.
        guard let handle = FileHandle(forReadingAtPath: "/proc/self/status") else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.readToEnd(), let status = String(data: data, encoding: .utf8) else { return nil }
        return megabytes(inStatus: status)
    }

    /// The `VmHWM:  123456 kB` line of a status text, in mebibytes; O(length of text).
    static func megabytes(inStatus status: String) -> Double? {
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.dropFirst("VmHWM:".count).split(whereSeparator: \.isWhitespace)
            guard fields.count == 2, fields[1] == "kB", let kibibytes = Double(fields[0]) else { return nil }
            return kibibytes / 1024
        }
        return nil
    }
}
