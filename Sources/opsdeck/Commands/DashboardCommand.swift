import ArgumentParser
import Dashboard
import Foundation
import Operations
import TerminalCurses

/// `opsdeck dashboard` (the default): the four-pane terminal UI.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the live dashboard (toggles, sessions, errors, logs).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var options: DashboardOptions

    func run() throws {
        try Self.requireTerminal()
        let context = try CommandContext(connection, wholeCommand: false)
        let theme = try options.loadTheme(configured: context.config.theme)
        // With Redis unreachable the dashboard still opens, in the reconnecting state.
        let runtime = MainActor.assumeIsolated {
            DashboardRuntime(
                DashboardRuntime.Settings(
                    endpoint: context.connectionOptions,
                    kinds: context.kinds.isSplit ? context.kinds : nil,
                    server: ServerInfo(
                        contextName: context.contextName, endpoint: context.endpoint.description,
                        readOnly: context.readOnly, production: context.production,
                        tlsInsecure: context.endpoint.tls?.insecure ?? false, requireReason: context.requireReason),
                    patterns: context.patterns, readOnly: context.readOnly, actor: context.actor,
                    interval: options.interval ?? context.config.interval ?? 1, theme: theme, pollOnly: options.pollOnly,
                    bell: context.config.bell ?? false, copy: context.config.copy != .off,
                    guardDefaults: context.config.guardDefaults ?? OpsdeckConfig.GuardDefaults()))
        }
        try MainActor.assumeIsolated { try runtime.run() }
    }

    /// Fails with a clear message (pointing to the subcommands) when there is no usable terminal,
    /// before anything is started: curses would otherwise exit or write escape codes into a pipe.
    static func requireTerminal() throws {
        do {
            try CursesTerminal.checkUsable()
        } catch let error as TerminalError {
            Output.error(error.description)
            throw ReportedFailure(status: .failure)
        }
    }
}
