import ArgumentParser
import Foundation
import Operations
import RedisClient

/// `opsdeck sessions list | show`: user sessions and the features each one gets.
/// Each subcommand connects once and runs on the main thread.
struct SessionCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List sessions and show which toggles a session gets, and why.",
        subcommands: [List.self, Show.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List sessions (SCAN, page by page), optionally filtered.")
        @Option(
            name: .customLong("where"),
            help: ArgumentHelp(
                "Only sessions whose FIELD equals VALUE (repeatable; all must hold).", valueName: "FIELD=VALUE"))
        var conditions: [String] = []
        @Option(help: "At most this many sessions.") var limit = 50
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            let filter = try SessionFilter(parsing: conditions)
            let env = try CommandContext(connection).environment(connecting: [.sessions])
            // One more than asked tells whether the listing was cut.
            let progress = ProgressLine(json: output.json)
            let found: [Session]
            do {
                defer { progress.finish() }
                found = try SessionStore.list(env, limit: limit + 1, where: filter) { scanned, kept in
                    progress.update(scanned: scanned, found: kept, noun: "sessions")
                }
            }
            let sessions = Array(found.prefix(limit))
            if output.json { return try Output.json(sessions) }
            Output.table(
                ["KEY", "AUTHTYPE", "TTL", "FIELDS"],
                sessions.map { session in
                    [session.key.text, session.authType ?? "-", ttlText(session.ttl), String(session.fields.count)]
                }, rightAligned: [2, 3])
            if found.count > limit {
                Output.error("showing the first \(limit) sessions; raise --limit or narrow with --where.")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a session's fields, TTL and every toggle's decision with its reason.")
        @Argument(help: "Session key, e.g. session:4156e021:1234.") var key: String
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        struct Shown: Encodable {
            let session: Session
            let decisions: [ToggleDecision]
        }

        func run() throws {
            let env = try CommandContext(connection).environment(connecting: [.sessions, .toggles])
            let session = try SessionStore.show(env, key: RedisKey(key))
            let decisions = FeatureRule().decisions(for: session, toggles: try ToggleStore.list(env))
            if output.json { return try Output.json(Shown(session: session, decisions: decisions)) }
            print(Output.visible("\(session.key.text)  (TTL \(ttlText(session.ttl)))"))
            print("")
            Output.table(["FIELD", "VALUE"], session.fields.map { [$0.name, $0.value] })
            print("")
            if decisions.isEmpty {
                print("no toggles found under `\(env.patterns.toggles)`")
                return
            }
            Output.table(
                ["TOGGLE", "ENABLED", "REASON"],
                decisions.map { decision in
                    [decision.toggle, decision.enabled.map { $0 ? "yes" : "no" } ?? "?", decision.reason.description]
                })
        }
    }
}

/// "no expiry", or seconds as a short duration ("42s", "3m20s", "5h0m").
func ttlText(_ ttl: Int?) -> String {
    guard let ttl else { return "no expiry" }
    if ttl < 60 { return "\(ttl)s" }
    if ttl < 3600 { return "\(ttl / 60)m\(ttl % 60)s" }
    return "\(ttl / 3600)h\(ttl % 3600 / 60)m"
}
