import ArgumentParser
import Foundation
import Operations

/// `opsdeck incident export`: what changed and what is throwing since, for one time window, as
/// Markdown (default) or JSON, to standard output or a file. Runs on the main thread.
struct IncidentCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident",
        abstract: "Incident reports: toggles changed, error groups and error logs in a time window.",
        subcommands: [Export.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the incident report for a time window (Markdown or JSON).",
            discussion: "Example: opsdeck incident export --since 1h --toggle useNewAlgorithm --output incident.md")
        @Option(help: "The window: a number and a unit, e.g. 30m, 1h, 2d.") var since = "1h"
        @Option(help: "Only this toggle (exact name, any case).") var toggle: String?
        @Option(help: "md or json.") var format = "md"
        @Option(help: "Write to this file instead of standard output.") var output: String?
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            if ErrorDuration.seconds(since) == nil {
                throw ValidationError("--since '\(since)' is not a duration: use a number and a unit, e.g. 90s, 30m, 2h, 1d")
            }
            guard ["md", "json"].contains(format) else { throw ValidationError("--format must be md or json, not '\(format)'") }
        }

        func run() throws {
            let context = try CommandContext(connection)
            // The toggles' server is connected now; the other kinds' on first use, so one that is
            // down becomes a note in the report instead of no report.
            let env = try context.environment()
            let start = env.now().addingTimeInterval(-(ErrorDuration.seconds(since) ?? 3_600))
            let report = IncidentReport.collect(env, endpoint: context.kinds.summary, since: start, toggle: toggle)
            let data = format == "json" ? try IncidentRenderer.json(report) : Data(IncidentRenderer.markdown(report).utf8)
            if let output {
                try data.write(to: URL(fileURLWithPath: output))
                Output.error("incident report written to \(output)")
            } else {
                try FileHandle.standardOutput.write(contentsOf: data)
            }
            // The report is written either way; the exit code says it is missing its errors.
            if let unread = report.errorsUnread {
                Output.error("the report has no error groups: " + unread)
                throw ReportedFailure(status: .failure)
            }
        }
    }
}
