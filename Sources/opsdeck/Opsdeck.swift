import ArgumentParser
import Foundation
import Operations
import RedisClient

/// The `opsdeck` command: the dashboard by default, plus scripting subcommands.
@main
struct Opsdeck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opsdeck",
        abstract: "A terminal dashboard and scripting tool for release state kept in Redis.",
        discussion: """
            With no subcommand, opens the dashboard. Exit codes: 0 success, 1 error, 3 compare-and-set \
            conflict, 4 refused by read-only mode, 5 gate exceeded, 6 not found, 64 usage error, \
            69 Redis unreachable or authentication failed.
            """,
        version: VersionInfo.text,
        subcommands: [
            DashboardCommand.self, ToggleCommands.self, SessionCommands.self, ErrorCommands.self, IncidentCommands.self,
            LogCommands.self, WatchCommand.self, ContextCommands.self, ThemesCommand.self, DemoCommand.self, KeysCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self,
        // -h is the host, as in redis-cli; help is --help.
        helpNames: [.long]
    )

    /// Parses, runs, and exits with the documented code for whatever went wrong.
    static func main() {
        do {
            var command = try parseAsRoot(ArgumentOrder.normalized(Array(CommandLine.arguments.dropFirst())))
            if ArgvSecrets.maskPasswords() { Output.error(ArgvSecrets.warning) }
            Diagnostics.bootstrap(interactive: command is DashboardCommand || command is DemoCommand)
            try command.run()
        } catch let failure as ReportedFailure {
            Foundation.exit(failure.status.rawValue)
        } catch let error as OperationsError {
            Output.error(error.description)
            Foundation.exit(ExitStatus.of(error).rawValue)
        } catch let error as RedisError {
            Output.error(error.description)
            Foundation.exit(ExitStatus.of(error).rawValue)
        } catch {
            // Argument errors quote what was typed: they go through the same sanitising as every
            // other message, under the one `opsdeck:` prefix. Help and --version are not errors.
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(code.rawValue)
            }
            Output.error(message.hasPrefix("Error: ") ? String(message.dropFirst("Error: ".count)) : message)
            Foundation.exit(code.rawValue)
        }
    }
}
