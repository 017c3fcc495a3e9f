import ArgumentParser

/// `opsdeck demo`: the dashboard on a private Redis with sample data and live activity.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the dashboard on a private demo Redis with sample data and live activity.")

    func run() throws {
        Output.error("the demo is not built yet: it arrives with the dashboard. `scripts/test` runs the tests.")
        throw ReportedFailure(status: .failure)
    }
}
