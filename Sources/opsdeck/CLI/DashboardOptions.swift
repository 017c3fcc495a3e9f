import ArgumentParser
import Dashboard
import Foundation
import Operations

/// Options of the dashboard (and of the demo, which opens it).
struct DashboardOptions: ParsableArguments {
    @Option(name: .long, help: "Seconds between polls (default 1, or `interval` in the config).")
    var interval: Double?

    @Option(name: .long, help: "Theme name (dark, light, high-contrast, monochrome) or a path to a theme YAML file.")
    var theme: String?

    /// The theme by flag, then config, then the default; a bad theme file is a clear error.
    func loadTheme(configured: String?) throws -> Theme {
        let wanted = theme ?? configured ?? ThemeLoader.defaultName
        let loader = ThemeLoader()
        if wanted.contains("/") || wanted.hasSuffix(".yaml") || wanted.hasSuffix(".yml") {
            return try loader.load(path: wanted)
        }
        return try loader.load(name: wanted)
    }

    func validate() throws {
        if let interval, let problem = SettingLimits.intervalProblem(interval) {
            throw ValidationError("--interval \(problem)")
        }
    }
}
