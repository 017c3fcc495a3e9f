import ArgumentParser
import Foundation
import Operations
import RedisClient

/// `opsdeck toggles guards`: every guarded flip running now, ended within the hour, or lost (its
/// process stopped and its record expired). Main thread.
struct GuardsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guards",
        abstract: "List guarded flips: running, recently ended, or lost (the guard process stopped).")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    /// One guard as printed and as JSON.
    struct Row: Encodable {
        let key: String
        let toggle: String
        let state: String
        let status: String
        let rule: String?
        let figures: String?
        let actor: String?
        let ends: String
    }

    func run() throws {
        let env = try CommandContext(connection).environment()
        let now = env.now()
        let rows = try GuardStore.active(env).map { listed in
            let record = listed.record
            let name = record?.toggle ?? ToggleNaming(pattern: env.patterns.toggles).name(of: listed.toggleKey)
            let status =
                listed.isLost
                ? "guard lost: its record expired before the guard ended (the process stopped)"
                : GuardRows.status(record!, now: now)
            return Row(
                key: listed.toggleKey.text, toggle: name, state: listed.isLost ? "lost" : record!.state, status: status,
                rule: record?.rule, figures: record?.figures, actor: record?.actor,
                ends: AsctimeTimestamp.iso8601(listed.ends))
        }
        if output.json { return try Output.json(rows) }
        if rows.isEmpty {
            Output.error("no guarded flips in \(GuardRecord.registry(env.patterns)).")
            return
        }
        Output.table(["TOGGLE", "GUARD", "RULE", "BY"], rows.map { [$0.toggle, $0.status, $0.rule ?? "-", $0.actor ?? "-"] })
    }
}
