import ArgumentParser
import Dashboard
import Foundation

/// Options of the dashboard (and of the demo, which opens it).
struct DashboardOptions: ParsableArguments {
    @Option(name: .long, help: "Seconds between polls (default 1, or `interval` in the config).")
    var interval: Double?

    @Flag(name: .long, help: "Learn of changes by polling only, not from the server's invalidations (CLIENT TRACKING).")
    var pollOnly = false

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
        if let interval, !(0.05...3600).contains(interval) {
            throw ValidationError("--interval must be between 0.05 and 3600 seconds")
        }
    }
}
