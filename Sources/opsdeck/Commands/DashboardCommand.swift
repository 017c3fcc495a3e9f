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
        let settings = try Self.settings(connection, options, warn: { Output.error($0) })
        // With Redis unreachable the dashboard still opens, in the reconnecting state.
        let runtime = MainActor.assumeIsolated { DashboardRuntime(settings) }
        try MainActor.assumeIsolated { try runtime.run() }
    }

    /// The dashboard's settings for these flags: at start, and again for each `:ctx NAME`
    /// (the same flags with `--context NAME`), so a context switched to looks exactly as it
    /// would had the dashboard started there (endpoint, read-only, production, patterns).
    static func settings(
        _ connection: ConnectionOptions, _ options: DashboardOptions, warn: (String) -> Void
    ) throws -> DashboardRuntime.Settings {
        let context = try CommandContext(connection, wholeCommand: false, warn: warn)
        let theme = try options.loadTheme(configured: context.config.theme)
        var settings = DashboardRuntime.Settings(
            endpoint: context.connectionOptions,
            kinds: context.kinds.isSplit ? context.kinds : nil,
            server: ServerInfo(
                contextName: context.contextName, endpoint: context.endpoint.description,
                readOnly: context.readOnly, production: context.production,
                tlsInsecure: context.endpoint.tls?.insecure ?? false, requireReason: context.requireReason),
            patterns: context.patterns, readOnly: context.readOnly, actor: context.actor,
            interval: options.interval ?? context.config.interval ?? 1, theme: theme, pollOnly: options.pollOnly,
            bell: context.config.bell ?? false, copy: context.config.copy != .off,
            mouse: context.config.mouse != .off,
            guardDefaults: context.config.guardDefaults ?? OpsdeckConfig.GuardDefaults())
        settings.contexts = context.config.contexts.keys.sorted()
        settings.keepsHistory = true
        settings.switchContext = { name, warn in
            // The password typed for --askpass is not kept, and curses owns the terminal.
            guard !connection.askpass else {
                throw OperationsError.invalidInput("--askpass cannot ask again inside the dashboard; restart with --context \(name)")
            }
            var flags = connection
            flags.context = name
            return try Self.settings(flags, options, warn: warn)
        }
        return settings
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
