import Foundation

@testable import Operations
@testable import Store
@testable import TestSupport

/// A database with the small season imported, for the accounts' tests; removed by `remove()`.
struct AccountsWorld {
    let folder: TemporaryDirectory
    let database: Database
    let now: Int64 = PlanFixture.importedAt

    init() throws {
        folder = try TemporaryDirectory()
        database = try PlanFixture.database(at: folder.file("t.db"))
    }

    func remove() { folder.remove() }
}
