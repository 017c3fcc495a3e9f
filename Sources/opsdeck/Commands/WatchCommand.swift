import ArgumentParser
import Foundation
import Operations

/// `opsdeck watch`: the dashboard's observation of the toggles without a screen (issue 24), for
/// a recorder that runs all the time and for chat-ops. One line per event on stdout; messages
/// about the connection on stderr. Polls on the main thread as `logs tail --follow` does, and
/// ends with exit 0 on SIGINT or SIGTERM (`LogInterrupt`).
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Print toggle flips, changes made outside opsdeck, new and deleted toggles as they happen.",
        discussion: """
            Every --interval seconds the toggles are read and each change since the last read is printed \
            on one line: flip (an opsdeck audit entry explains it), observed (no entry does: it is recorded \
            in the audit trail as the dashboard records it, unless --read-only), new, deleted. \
            With --format json each line is one object with every key present: \
            {"kind","time","toggle","old","new","actor","reason","recorded"}. \
            A lost connection is reported on stderr and retried; SIGINT or SIGTERM ends it with exit 0.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "text or json (one object per line).") var format: Format = .text
    @Option(help: "Seconds between reads.") var interval = 1.0
    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard interval >= 0.05 else { throw ValidationError("--interval must be at least 0.05 seconds") }
    }

    func run() throws {
        let env = try CommandContext(connection, wholeCommand: false).environment()
        LogInterrupt.install()
        var watch = ToggleWatch()
        var failing = false
        repeat {
            do {
                let events = try watch.step(env)
                if failing { Output.error("watch: connected again; carrying on") }
                failing = false
                for event in events { try print(event) }
            } catch let error as OperationsError {
                if LogInterrupt.isSet { break }
                // Once per outage, not once per poll: the connection retries with its own backoff.
                if !failing { Output.error("watch: \(error.description); retrying every \(interval) s") }
                failing = true
            }
        } while LogInterrupt.wait(seconds: interval)
    }

    private func print(_ event: WatchEvent) throws {
        let line: String
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            // JSON escapes control characters itself: the text stays exact and cannot drive a terminal.
            line = String(decoding: try encoder.encode(event), as: UTF8.self)
        case .text:
            line = Output.visible(Self.text(event))
        }
        // write(contentsOf:) throws on a closed pipe (`| head`) and is not buffered: each line
        // reaches a pipe as it happens.
        try FileHandle.standardOutput.write(contentsOf: Data((line + "\n").utf8))
    }

    static func text(_ event: WatchEvent) -> String {
        let change = "\(event.old ?? "-") -> \(event.new ?? "-")"
        switch event.kind {
        case .flip:
            return "\(event.time) flip \(event.toggle) \(change) by \(event.actor ?? "?")" + (event.reason.map { " (\($0))" } ?? "")
        case .observed:
            return "\(event.time) observed \(event.toggle) \(change) outside opsdeck"
                + (event.recorded == true ? " (recorded)" : " (not recorded)")
        case .new:
            return "\(event.time) new \(event.toggle) = \(event.new ?? "")"
        case .deleted:
            return "\(event.time) deleted \(event.toggle) (was \(event.old ?? ""))"
        }
    }
}
