import Foundation
import Glibc

/// Reads a password where nobody else sees it: never from an argument (the process list and the
/// shell history would show it). At a terminal it is typed twice without echo; otherwise it is
/// the first line of standard input (a script piping it from a password manager).
enum SecretInput {
    /// Why no password was read.
    enum Failure: Error, Equatable {
        /// Standard input ended before a line.
        case empty
        /// The two entries at the terminal differ.
        case mismatch
        /// More than `PasswordRules`' bound, or not UTF-8.
        case unreadable
    }

    /// The password, asked with `prompt` on standard error at a terminal.
    static func read(prompt: String) throws(Failure) -> String {
        guard isatty(STDIN_FILENO) == 1 else { return try line() }
        let first = try withoutEcho { () throws(Failure) in
            FileHandle.standardError.write(Data((prompt + " : ").utf8))
            return try line()
        }
        let second = try withoutEcho { () throws(Failure) in
            FileHandle.standardError.write(Data("\nencore une fois : ".utf8))
            return try line()
        }
        FileHandle.standardError.write(Data("\n".utf8))
        guard first == second else { throw .mismatch }
        return first
    }

    /// One line of standard input, read byte by byte so that nothing after it is consumed, at
    /// most 1 024 bytes plus the line end.
    private static func line() throws(Failure) -> String {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let got = Glibc.read(STDIN_FILENO, &byte, 1)
            if got < 0 && errno == EINTR { continue }
            if got <= 0 || byte == UInt8(ascii: "\n") { break }
            bytes.append(byte)
            guard bytes.count <= 1025 else { throw .unreadable }
        }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        guard !bytes.isEmpty else { throw .empty }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .unreadable }
        return text
    }

    /// Runs `body` with the terminal's echo off, restored afterwards whatever happens.
    private static func withoutEcho<T>(_ body: () throws(Failure) -> T) throws(Failure) -> T {
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return try body() }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer { tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) }
        return try body()
    }
}
