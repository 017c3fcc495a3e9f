import ArgumentParser
import Dashboard
import Foundation
import Operations

/// Options of the dashboard (and of the demo, which opens it).
struct DashboardOptions: ParsableArguments {
    @Option(name: .long, help: "Seconds between polls (default 1, or `interval` in the config).")
    var interval: Double?

    @Flag(name: .long, help: "Learn of changes by polling only, not from the server's invalidations (CLIENT TRACKING).")
    var pollOnly = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Built-in theme (\(ThemeLoader.builtInNames.joined(separator: ", "))) or the path of a theme YAML file; `opsdeck themes list`.")
    )
    var theme: String?

    /// The theme by flag, then config, then the default; a bad theme file is a clear error.
    func loadTheme(configured: String?) throws -> Theme {
        let wanted = theme ?? configured ?? ThemeLoader.defaultName
        do {
            return try ThemeLoader().load(name: wanted)
        } catch let error as ThemeError {
            throw OperationsError.invalidInput(error.description)
        }
    }

    func validate() throws {
        // A wrong --theme is a usage error, said before anything starts (even without a terminal).
        if let theme {
            do { _ = try ThemeLoader().load(name: theme) } catch let error as ThemeError { throw ValidationError(error.description) }
        }
        if let interval, let problem = SettingLimits.intervalProblem(interval) {
            throw ValidationError("--interval \(problem)")
        }
    }
}
