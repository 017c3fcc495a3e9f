import ArgumentParser
import Foundation
import Operations
import RedisClient

/// `opsdeck toggles list | get | set | history`: feature toggles from scripts and terminals.
/// Each subcommand connects once, runs on the main thread, and exits with the documented codes.
struct ToggleCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toggles",
        abstract: "List, inspect and flip feature toggles (hashes with a `toggle` field).",
        subcommands: [List.self, Get.self, Set.self, History.self, GuardsCommand.self, GuardResumeCommand.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every toggle, sorted by name.")
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let env = try CommandContext(connection).environment()
            let progress = ProgressLine(json: output.json)
            // JSON is streamed a page at a time: 100,000 toggles never sit in memory together.
            if output.json {
                return try Output.jsonArray(of: Toggle.self) { writer in
                    try ToggleStore.listPages(env) { page in
                        try writer.append(contentsOf: page)
                        try writer.flush()
                    }
                }
            }
            let toggles: [Toggle]
            do {
                defer { progress.finish() }
                toggles = try ToggleStore.list(env) { scanned, found in
                    progress.update(scanned: scanned, found: found, noun: "toggles")
                }
            }
            if toggles.isEmpty {
                Output.error("no toggles found under `\(env.patterns.toggles)` (hashes with a `toggle` field).")
                return
            }
            Output.table(
                ["NAME", "STATE", "VALUE", "RELEASE", "OVERRIDE", "FINGERPRINT"],
                toggles.map { toggle in
                    [
                        toggle.name, toggle.state.rawValue, toggle.value.raw, toggle.releaseNum ?? "-",
                        toggle.override ?? "-", toggle.fingerprint ?? "-",
                    ]
                })
        }
    }

    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one toggle with all its fields.")
        @Argument(help: "Toggle name (the key, without the pattern's prefix).") var name: String
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let env = try CommandContext(connection).environment()
            let toggle = try ToggleStore.get(env, name: name)
            if output.json { return try Output.json(toggle) }
            var rows = [["name", toggle.name], ["key", toggle.key.text], ["state", toggle.state.rawValue]]
            if !toggle.audiences.isEmpty { rows.append(["audiences", toggle.audiences.joined(separator: ", ")]) }
            rows += toggle.fields.sorted { $0.key < $1.key }.map { ["field \($0.key)", $0.value] }
            rows += GuardRows.of(try GuardStore.read(env, toggleKey: toggle.key), now: env.now())
            Output.table(["PROPERTY", "VALUE"], rows)
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn a toggle on or off (compare-and-set, audited).",
            discussion: """
                Writes the value in the toggle's own spelling (yes/no, TRUE/FALSE...), an audit entry \
                and a log line to recent:opsdeck:info, atomically. Without --expect the value read just \
                before the write is expected, so a concurrent change is still caught: exit 3, nothing written. \
                Already in the requested state: nothing written, exit 0.
                """)
        @Argument(help: "Toggle name.") var name: String
        @Argument(help: ArgumentHelp(Switch.help, valueName: "on|off")) var target: String
        @Option(
            help: ArgumentHelp(
                "Fail with exit 3 unless the toggle is currently in this state: " + Switch.help,
                valueName: "on|off")) var expect: String?
        @Option(help: "Why, for the audit trail.") var reason: String?
        @OptionGroup var guarding: GuardOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            _ = try Switch.parse(target)
            if let expect { _ = try Switch.parse(expect, for: "--expect") }
            try guarding.validate(expect: expect)
        }

        func run() throws {
            let context = try CommandContext(connection)
            // The audit trail must say why where the context asks (by default, production).
            if context.requireReason && (reason ?? "").allSatisfy(\.isWhitespace) {
                throw OperationsError.invalidInput(
                    "this context requires a reason for every flip: add --reason TEXT "
                        + "(require-reason in the config; production contexts require one by default)")
            }
            let env = try context.environment()
            let on = try Switch.parse(target).isOn
            if guarding.isGuarded { return try guarding.run(env, name: name, on: on, reason: reason, json: output.json) }
            let expected = try expect.map { ToggleState(try Switch.parse($0, for: "--expect").isOn) }
            let result = try ToggleStore.flip(
                env, name: name, to: on, expect: expected, reason: reason,
                recovery: connection.timeout ?? 5)
            // Said whatever the format: the outcome was learned after the reply was lost.
            if let note = result.note { Output.error("note: " + note) }
            if output.json { return try Output.json(result) }
            if result.changed {
                print(Output.visible("\(result.toggle.name): \(result.old) -> \(result.new) (audited as \(env.actor))"))
                if let failure = result.logFailure {
                    // The flip stands (exit 0); the missing announcement is worth a warning.
                    Output.error("warning: the log line announcing the flip was not written: " + failure)
                }
            } else {
                print(Output.visible("\(result.toggle.name) is already \(result.toggle.state) (\(result.old)); nothing written"))
            }
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the audit trail of flips, newest first.")
        @Argument(help: "Only this toggle's flips.") var name: String?
        @Option(help: "At most this many entries.") var limit = 20
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            let env = try CommandContext(connection).environment()
            let entries = try AuditStore.history(env, toggle: name, limit: limit)
            // No history for a name that names no toggle: a typo, exit 6 with the closest name.
            if entries.isEmpty, let name { _ = try ToggleStore.get(env, name: name) }
            if output.json { return try Output.json(entries) }
            if entries.isEmpty {
                Output.error("no audit entries\(name.map { " for \($0)" } ?? "") in \(env.patterns.auditKey).")
                return
            }
            Output.table(
                ["TIME", "TOGGLE", "CHANGE", "ACTOR", "REASON"],
                entries.map { entry in
                    guard let unparsed = entry.unparsed else {
                        return [entry.time, entry.toggle, "\(entry.old) -> \(entry.new)", entry.actor, entry.reason ?? "-"]
                    }
                    return ["?", "?", "?", "?", "unreadable entry: \(unparsed)"]
                })
        }
    }
}

/// A state on the command line: `on` or `off`, or any spelling of the one vocabulary
/// (`ToggleValue.vocabulary`, any case), so the `--expect` a conflict message suggests works.
/// Refusals name the canonical `on`/`off` and list exactly what is accepted.
enum Switch: ExpressibleByArgument, Sendable {
    case on, off

    init?(argument: String) {
        switch ToggleValue(argument).state {
        case .on: self = .on
        case .off: self = .off
        case .unknown: return nil
        }
    }

    var isOn: Bool { self == .on }

    static var allValueStrings: [String] { ["on", "off"] }

    /// The help of an argument or option that takes a state.
    static let help = "on or off (also accepted, any case: \(ToggleValue.vocabulary))."

    /// Parses `text` (for `option`, when it is one), refusing anything else with the accepted spellings.
    static func parse(_ text: String, for option: String? = nil) throws -> Switch {
        guard let state = Switch(argument: text) else {
            throw ValidationError(
                "\(option.map { "\($0) " } ?? "")'\(text)' is not a state: use on or off "
                    + "(accepted, any case: \(ToggleValue.vocabulary))")
        }
        return state
    }
}
