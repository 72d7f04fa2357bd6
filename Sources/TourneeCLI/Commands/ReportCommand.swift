import CommandLineSupport
import Foundation
import Operations
import Planning
import Store
import TextFormats

/// `tournee report SAISON`: the season's figures for funders, in Markdown, HTML or CSV.
public struct ReportCommand: Command {
    public static let name = "report"
    public static let summary = "bilan de la saison pour les financeurs (Markdown, HTML, CSV)"
    public static let help = """
        Usage : tournee report SAISON [--format md|html|csv|rfc4180] [--out FICHIER]
                                      [--externalities FICHIER] [--db FICHIER]

        SAISON est l'identifiant de la saison (ex. guinguette-2023) ou son dossier.

        Le bilan de la saison tel qu'un financeur le lit : chiffres clés (personnes touchées,
        soirées, animations, associations, producteurs, artistes, euros d'externalités
        positives pour l'économie locale, kilomètres et CO2), la façon dont chaque externalité
        est calculée (formule, facteurs et sources), puis le détail par commune et par soirée.

          md       Markdown (défaut)
          html     une page autonome avec graphiques et carte en SVG
          csv      une ligne par soirée pour un tableur en français (point-virgule, virgule
                   décimale, UTF-8 avec BOM, noms de colonnes en français)
          rfc4180  la même chose pour un programme (RFC 4180 : virgule, nombres avec un
                   point, noms de colonnes sans accents ni espaces)

        Options :
          --format FORMAT          md, html, csv ou rfc4180
          --out FICHIER            écrit dans FICHIER au lieu de la sortie standard
          --externalities FICHIER  le modèle des externalités (défaut : config/externalities.json)
        \(DatabaseAccess.help)
          -h, --help               affiche cette aide
        """
    public static let spec = ArgumentSpec(
        options: DatabaseAccess.options + [.init("format"), .init("out"), .init("externalities")],
        positionals: ["SAISON"])

    enum Format: String, Sendable { case md, html, csv, rfc4180 }
    let season: String
    let format: Format
    let out: String?
    let externalities: String
    let access: DatabaseAccess

    public init(_ arguments: ParsedArguments) throws(UsageError) {
        season = arguments.positionals[0]
        let word = arguments.value("format") ?? "md"
        guard let format = Format(rawValue: word) else {
            throw UsageError("--format : md, html, csv ou rfc4180 attendu, trouvé « \(word) »")
        }
        self.format = format
        out = arguments.value("out")
        externalities = arguments.value("externalities") ?? "config/externalities.json"
        access = DatabaseAccess(arguments)
    }

    public func run(_ context: CommandContext) -> ExitStatus {
        let modelText: String
        switch InputFile.read(externalities, context: context) {
        case .success(let read): modelText = read
        case .failure(let failure): return failure.status
        }
        let seasonID: String
        switch Self.seasonID(season, context: context) {
        case .success(let id): seasonID = id
        case .failure(let failure): return failure.status
        }
        return access.withDatabase(context) { database in
            let text: String
            do {
                let model = try ExternalityModel.parse(modelText, file: externalities)
                let report = try SeasonReport.build(
                    database: database, seasonID: seasonID, model: model,
                    directory: { try CommuneDirectory.loadShipped(environment: context.environment) })
                switch format {
                case .md: text = ReportMarkdown.render(report)
                case .html: text = ReportHTML.render(report, outlines: MapOutlines.load(for: "la carte du bilan", context: context))
                case .csv: text = ReportCSV.render(report, dialect: .french)
                case .rfc4180: text = ReportCSV.render(report, dialect: .rfc4180)
                }
            } catch let error as RecordsError {
                for problem in error.problems { context.console.error(problem.description) }
                return .dataError
            } catch {
                return DatabaseAccess.report(error, path: database.path, context: context)
            }
            guard let out else {
                context.console.out(text)
                return .success
            }
            do { try Data(text.utf8).write(to: context.url(for: out), options: .atomic) } catch {
                context.console.error("\(out) : écriture impossible (\(SystemErrorText.french(error)))")
                return .cannotCreate
            }
            context.console.line("Bilan écrit : \(out)")
            return .success
        }
    }

    /// The season's id: the argument itself, or the slug of the season whose folder it names,
    /// as every other command takes the folder.
    static func seasonID(_ argument: String, context: CommandContext) -> Result<String, ExitStatusError> {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: context.url(for: argument).path, isDirectory: &isFolder), isFolder.boolValue
        else { return .success(argument) }
        return SeasonLoading.read(argument, context: context).map { $0.season.slug }
    }
}
