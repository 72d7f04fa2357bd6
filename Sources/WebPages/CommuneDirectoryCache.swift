import Foundation
import Planning

/// The national communes file, loaded at the first request that needs it and kept: every
/// re-plan, move and rule check of the pages loads kept seasons with it.
final class CommuneDirectoryCache: @unchecked Sendable {
    private let environment: [String: String]
    private let lock = NSLock()
    private var loaded: CommuneDirectory?

    init(environment: [String: String]) { self.environment = environment }

    func directory() throws -> CommuneDirectory {
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        let directory = try CommuneDirectory.loadShipped(environment: environment)
        loaded = directory
        return directory
    }
}
