import Mail

/// What the service loop needs from the command line, already resolved, so that the loop never
/// sees argv: the files to reload from and the overrides that outlive a reload.
public struct DaemonSetup: Sendable {
    /// The configuration file SIGHUP reloads.
    public var configurationFile: String
    /// The database in use for the process's life.
    public var databasePath: String
    /// Whether `--db` chose it (a reload's `database` key is then irrelevant, not ignored).
    public var databaseFromCommandLine: Bool
    /// `--transport`, which replaces the configured transport at every reload.
    public var transportOverride: TransportURL?

    /// A setup from its parts.
    public init(configurationFile: String, databasePath: String, databaseFromCommandLine: Bool, transportOverride: TransportURL?) {
        self.configurationFile = configurationFile
        self.databasePath = databasePath
        self.databaseFromCommandLine = databaseFromCommandLine
        self.transportOverride = transportOverride
    }

    /// The setup the options give, with the database chosen at start.
    init(_ options: DaemonOptions, databasePath: String) {
        self.init(
            configurationFile: options.configuration, databasePath: databasePath,
            databaseFromCommandLine: options.database != nil, transportOverride: options.transport)
    }
}
