/// A records input refused before anything is written: names the file, line or key and what was
/// expected, in French for the staff who typed it.
public struct RecordsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// One problem: where it is and what is wrong.
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        /// The file (as the user named it).
        public var file: String
        /// The 1-based line, when known.
        public var line: Int?
        /// The column or key concerned, when known.
        public var key: String?
        /// What is wrong and what was expected.
        public var message: String

        /// Makes a problem.
        public init(file: String, line: Int? = nil, key: String? = nil, message: String) {
            self.file = file
            self.line = line
            self.key = key
            self.message = message
        }

        /// "file:line: key : message".
        public var description: String {
            var place = file
            if let line { place += ":\(line)" }
            return place + ": " + (key.map { "\($0) : " } ?? "") + message
        }
    }

    /// Every problem found, in input order.
    public var problems: [Problem]

    /// Makes an error from its problems.
    public init(_ problems: [Problem]) { self.problems = problems }

    /// One line per problem.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
