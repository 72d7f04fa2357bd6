import CommandLineSupport
import Planning

/// The département outlines under the maps a command writes.
enum MapOutlines {
    /// The shipped outlines, or nil after a warning naming `output`: a map without its
    /// background is still worth writing.
    static func load(for output: String, context: CommandContext) -> DepartementOutlines? {
        do {
            return try DepartementOutlines.loadShipped(environment: context.environment)
        } catch {
            for issue in error.issues { context.console.error("\(issue) ; \(output) est dessinée sans les départements") }
            return nil
        }
    }
}
