import Foundation
import TourneeCLI

let context = CommandContext(
    console: .standard,
    environment: ProcessInfo.processInfo.environment,
    workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
exit(Tournee.main(Array(CommandLine.arguments.dropFirst()), context: context).rawValue)
