import CommandLineSupport
import Planning

/// `tournee evenings SAISON [--all]`: the candidate evenings per tour and per commune.
public struct EveningsCommand: Command {
    public static let name = "evenings"
    public static let summary = "liste les soirées possibles par tournée et par commune"
    public static let help = """
        Usage : tournee evenings SAISON [--all]

        Applique le calendrier (jours de la semaine, dates exclues, jours fériés, vacances
        scolaires, repos des véhicules, disponibilités des communes) et liste les soirées
        possibles de chaque tournée, puis celles de chaque commune.

        Options :
          --all        liste aussi les dates exclues, chacune avec sa raison
          -h, --help   affiche cette aide
        """
    public static let spec = ArgumentSpec(flags: ["all"], positionals: ["SAISON"])

    let path: String
    let showsExcluded: Bool

    public init(_ arguments: ParsedArguments) throws(UsageError) {
        path = arguments.positionals[0]
        showsExcluded = arguments.has("all")
    }

    public func run(_ context: CommandContext) -> ExitStatus {
        SeasonLoading.withSeason(path, context: context) { season, _ in list(season, context: context) }
    }

    private func list(_ season: Season, context: CommandContext) -> ExitStatus {
        let calendar = EveningCalendar(season: season)
        let rules = season.evenings
        let hours = "\(rules.start)–\(rules.end)"
        let console = context.console
        console.line("Saison « \(season.name) » : du \(season.period.first) au \(season.period.last), soirées \(hours) (heure de Paris)")
        for tour in season.tours {
            let days = calendar.days(of: tour)
            let candidates = days.filter(\.isCandidate)
            let vehicle = season.vehicle(id: tour.vehicleID)?.name ?? tour.vehicleID
            console.line()
            console.line(
                "Tournée « \(tour.name) » (\(tour.dates.first) → \(tour.dates.last), \(vehicle)) : \(tour.evenings) soirées demandées, \(candidates.count) possibles"
            )
            for day in days where day.isCandidate || showsExcluded {
                console.line("  " + line(for: day))
            }
        }
        console.line()
        console.line("Par commune :")
        for commune in season.communes {
            let dates = calendar.candidateDates(for: commune)
            console.line()
            console.line(
                "\(commune.name) (\(commune.insee)) : \(dates.count) soirée\(dates.count > 1 ? "s" : "") possible\(dates.count > 1 ? "s" : ""), \(visitsText(commune))"
            )
            for tour in season.tours {
                let days = calendar.days(of: tour, for: commune)
                let shown = days.filter { $0.isCandidate || (showsExcluded && isCommuneSpecific($0.exclusion)) }
                guard !shown.isEmpty else { continue }
                console.line("  \(tour.name) :")
                for day in shown {
                    let preferred = day.isCandidate && calendar.isPreferred(day.date, by: commune) ? "  (date préférée)" : ""
                    console.line("    " + line(for: day) + preferred)
                }
            }
        }
        return .success
    }

    private func line(for day: DayVerdict) -> String {
        let weekday = day.date.weekday.frenchName.padding(toLength: 8, withPad: " ", startingAt: 0)
        if let exclusion = day.exclusion { return "\(day.date)  \(weekday)  exclue : \(exclusion)" }
        var notes: [String] = []
        if let holiday = day.holiday { notes.append("jour férié : \(holiday.name)") }
        if day.isPreferredDay { notes.append("jour préféré") }
        guard !notes.isEmpty else { return "\(day.date)  \(day.date.weekday.frenchName)" }
        return "\(day.date)  \(weekday)  (" + notes.joined(separator: ", ") + ")"
    }

    private func isCommuneSpecific(_ exclusion: EveningExclusion?) -> Bool {
        switch exclusion {
        case .communeWeekday, .communeUnavailable, .communeNotInTour: true
        default: false
        }
    }

    private func visitsText(_ commune: Commune) -> String {
        commune.minVisits == commune.maxVisits
            ? "\(commune.minVisits) visite\(commune.minVisits > 1 ? "s" : "") voulue\(commune.minVisits > 1 ? "s" : "")"
            : "de \(commune.minVisits) à \(commune.maxVisits) visites voulues"
    }
}
