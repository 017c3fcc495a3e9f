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
        abstract: "Print toggle flips, outside changes, new toggles, error groups, rising error rates and server events as they happen.",
        discussion: """
            Every --interval seconds the toggles are read and each change since the last read is printed \
            on one line: flip (an opsdeck audit entry explains it), observed (no entry does: it is recorded \
            in the audit trail as the dashboard records it, unless --read-only), new, deleted. \
            Every --errors-every seconds the last 10 minutes of errors are read: error-group (a toggle's \
            exception and message not seen before), error-rate (a toggle's errors in the last minute are \
            at least 10 and at least twice the minute before; once until it stops rising). \
            Server events: unreachable (once per outage; retried), reachable, role (ROLE changed), \
            failover (behind Sentinels, the master moved). \
            With --format json each line is one object with every key present: \
            {"kind","time","toggle","old","new","actor","reason","recorded","detail","count"}. \
            SIGINT or SIGTERM ends it with exit 0.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "text or json (one object per line).") var format: Format = .text
    @Option(help: "Seconds between reads.") var interval = 1.0
    @Option(help: "Seconds between reads of the error database (0: do not watch errors).") var errorsEvery = 5.0
    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard interval >= 0.05 else { throw ValidationError("--interval must be at least 0.05 seconds") }
        guard errorsEvery == 0 || errorsEvery >= 0.05 else { throw ValidationError("--errors-every must be 0 or at least 0.05 seconds") }
    }

    func run() throws {
        let env = try CommandContext(connection, wholeCommand: false).environment()
        LogInterrupt.install()
        var watch = ToggleWatch()
        var server = ServerWatch()
        var errors = errorsEvery > 0 ? ErrorWatch() : nil
        var errorsRead: Date?
        var failing = false
        repeat {
            do {
                var events = try server.reached(env)
                events += try watch.step(env)
                if errors != nil, errorsRead.map({ Date().timeIntervalSince($0) >= errorsEvery }) ?? true {
                    errorsRead = Date()
                    events += try errorEvents(&errors, env)
                }
                if failing { Output.error("watch: connected again; carrying on") }
                failing = false
                for event in events { try print(event) }
            } catch let error as OperationsError {
                if LogInterrupt.isSet { break }
                for event in server.failed(error, at: Date()) { try print(event) }
                // Once per outage, not once per poll: the connection retries with its own backoff.
                if !failing { Output.error("watch: \(error.description); retrying every \(interval) s") }
                failing = true
            }
        } while LogInterrupt.wait(seconds: interval)
    }

    /// The error events; a refusal that is not a lost connection (no error index, an ACL
    /// without search) stops the error watch, said once on stderr, and the toggles go on.
    private func errorEvents(_ errors: inout ErrorWatch?, _ env: OpsEnvironment) throws(OperationsError) -> [WatchEvent] {
        guard var watch = errors else { return [] }
        do throws(OperationsError) {
            defer { errors = watch }
            return try watch.step(env)
        } catch {
            if case .redis(let redis) = error, redis.isConnectionFailure { throw error }
            Output.error("watch: errors not watched: \(error.description)")
            errors = nil
            return []
        }
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
        let toggle = event.toggle ?? "-"
        switch event.kind {
        case .flip:
            return "\(event.time) flip \(toggle) \(change) by \(event.actor ?? "?")" + (event.reason.map { " (\($0))" } ?? "")
        case .observed:
            return "\(event.time) observed \(toggle) \(change) outside opsdeck"
                + (event.recorded == true ? " (recorded)" : " (not recorded)")
        case .new:
            return "\(event.time) new \(toggle) = \(event.new ?? "")"
        case .deleted:
            return "\(event.time) deleted \(toggle) (was \(event.old ?? ""))"
        case .errorGroup:
            return "\(event.time) error-group \(toggle) \(event.detail ?? "") (\(event.count ?? 0) errors)"
        case .errorRate:
            return "\(event.time) error-rate \(toggle) rising: \(event.detail ?? "")"
        case .unreachable:
            return "\(event.time) unreachable \(event.detail ?? "")"
        case .reachable:
            return "\(event.time) reachable" + (event.detail.map { " \($0)" } ?? "")
        case .role:
            return "\(event.time) role \(change)" + (event.detail.map { " at \($0)" } ?? "")
        case .failover:
            return "\(event.time) failover \(event.detail ?? "")"
        }
    }
}
