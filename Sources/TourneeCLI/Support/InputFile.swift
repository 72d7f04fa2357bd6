import CommandLineSupport
import Planning
import TextFormats

/// A file named on the command line (a plan, a record sheet, a model, a benchmark), read with
/// `TextFile`: a FIFO is refused at once instead of waiting for a writer forever, a folder or a
/// device is refused, and the size is bounded before anything is allocated.
enum InputFile {
    /// The largest file a command reads whole: the season loader's bound.
    static let limit = SeasonLoader.maximumFileSize

    /// The text of `path`, or the exit status after saying why it cannot be read, naming the
    /// file as the person wrote it.
    static func read(_ path: String, context: CommandContext) -> Result<String, ExitStatusError> {
        do {
            return .success(try TextFile.read(path: context.url(for: path).path, limit: limit))
        } catch {
            context.console.error("\(path)\(error.line.map { ":\($0)" } ?? "") : \(error.reason)")
            return .failure(ExitStatusError(status: status(error)))
        }
    }

    /// 66 when nothing readable is there (absent, a folder, a FIFO), 74 when the system refused to
    /// read it (permissions, a disk error), 65 when its content is refused (too large, not UTF-8).
    static func status(_ error: TextFileError) -> ExitStatus {
        switch error {
        case .missing, .notARegularFile: .noInput
        case .unreadable: .ioError
        case .tooLarge, .notUTF8: .dataError
        }
    }
}
