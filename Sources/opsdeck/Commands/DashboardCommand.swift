import ArgumentParser

/// `opsdeck dashboard` (the default): the four-pane terminal UI.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the live dashboard (toggles, sessions, errors, logs).")

    @OptionGroup var connection: ConnectionOptions

    func run() throws {
        Output.error("the dashboard is not built yet; use the subcommands (see --help).")
        throw ReportedFailure(status: .failure)
    }
}
