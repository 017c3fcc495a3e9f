import ArgumentParser
import Foundation
import Operations
import RedisClient
import Spelling
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// `opsdeck logs tail | write`: the recent-log lists `recent:<name>:<severity>`.
/// Runs on the main thread; `tail --follow` polls until SIGINT.
struct LogCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs",
        abstract: "Read (and follow) the recent-log lists, or write a line to one.",
        subcommands: [Tail.self, Write.self])

    struct Tail: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the newest log entries of every list, merged by time; --follow keeps printing new ones.",
            discussion: """
                With --follow the lists are polled every --interval seconds and only new entries are printed. \
                When more entries arrived than a list keeps (100), a line starting with `--- entries may have \
                been lost` says so, with an estimate where the timestamps allow. Ctrl-C ends it (exit 0). \
                With --json, --follow prints one JSON object per line: {"kind":"entry","entry":{...}} or \
                {"kind":"loss","loss":{...}}.
                """)
        @Flag(name: [.customShort("f"), .long], help: "Keep polling and print new entries.") var follow = false
        @Option(help: "Minimum severity: debug, info, warning, error, critical.") var severity: SeverityOption?
        @Option(help: "Only this source (the <name> of recent:<name>:<severity>).") var source: String?
        @Option(help: "Only entries containing this text (case-insensitive).") var grep: String?
        @Option(help: "How many of the newest entries to print first.") var lines = 20
        @Option(help: "Seconds between polls with --follow.") var interval = 1.0
        @Flag(help: "Accept a --source that no list has (yet) instead of failing with exit 6.") var allowMissing = false
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        /// `--source` that names no list (a typo, the wrong case) would print nothing and exit 0:
        /// exit 6 with the closest source instead.
        static func requireSource(_ env: OpsEnvironment, _ source: String) throws {
            let sources = Array(Set(try LogStore.discover(env, filter: LogFilter()).map(\.source))).sorted()
            guard !sources.contains(source) else { return }
            throw OperationsError.unknownName(
                kind: "log source", name: source, suggestion: Suggestion.closest(to: source, among: sources),
                advice: "Sources are the <name> of recent:<name>:<severity> lists"
                    + (sources.isEmpty ? " (there are none)" : ": \(sources.prefix(20).joined(separator: ", "))")
                    + "; pass --allow-missing to wait for one that does not exist yet.")
        }

        func validate() throws {
            guard lines >= 0 else { throw ValidationError("--lines must be 0 or more") }
            guard interval >= 0.05 else { throw ValidationError("--interval must be at least 0.05 seconds") }
        }

        func run() throws {
            let env = try CommandContext(connection, wholeCommand: !follow).environment(connecting: [.logs])
            let filter = LogFilter(minimumSeverity: severity?.severity, source: source, text: grep)
            var lists = try LogStore.discover(env, filter: filter)
            if let source, lists.isEmpty, !allowMissing { try Self.requireSource(env, source) }
            var tail = LogTail()
            let first = tail.ingest(try LogStore.read(env, lists: lists))
            let initial = Array(first.entries.filter(filter.includes).suffix(lines))
            var printer = LogPrinter(json: output.json, follow: follow)
            printer.print(initial, losses: [], sourcesIn: lists)
            guard follow else { return }

            LogInterrupt.install()
            // Rediscovering lists costs a SCAN of the keyspace: about every 5 s, not every poll.
            let rediscoverEvery = max(1, Int((5 / interval).rounded()))
            var polls = 0
            while LogInterrupt.wait(seconds: interval) {
                polls += 1
                do {
                    if polls % rediscoverEvery == 0 { lists = try LogStore.discover(env, filter: filter) }
                    let update = tail.ingest(try LogStore.read(env, lists: lists))
                    printer.print(update.entries.filter(filter.includes), losses: update.losses, sourcesIn: lists)
                } catch {
                    // Keep following through a restart of Redis: say so, and retry on the next poll.
                    if LogInterrupt.isSet { break }
                    Output.error(error.description)
                }
            }
        }
    }

    struct Write: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a line to recent:<NAME>:<severity> (timestamped; the list is kept at 100).")
        @Argument(help: "Source name, e.g. checkout.") var name: String
        @Argument(help: "The message.") var message: String
        @Option(help: "debug, info, warning, error or critical (default info).") var severity: SeverityOption?
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let env = try CommandContext(connection).environment(connecting: [.logs])
            let entry = try LogStore.write(env, name: name, message: message, severity: severity?.severity ?? .info)
            if output.json { return try Output.json(entry) }
            print(Output.visible("\(entry.key): \(entry.raw)"))
        }
    }
}

/// A severity on the command line, with the aliases `Severity(parsing:)` accepts.
struct SeverityOption: ExpressibleByArgument, Sendable {
    let severity: Severity

    init?(argument: String) {
        guard let severity = Severity(parsing: argument) else { return nil }
        self.severity = severity
    }

    static var allValueStrings: [String] { Severity.allCases.map(\.rawValue) }
}

/// Ends `--follow` cleanly on SIGINT: the handler only sets a flag (async-signal-safe), the
/// main loop notices it within 50 ms, finishes its line and returns, so the exit code is 0.
enum LogInterrupt {
    private static let flag = Atomic<Bool>(false)

    static func install() {
        signal(SIGINT) { _ in LogInterrupt.flag.store(true, ordering: .relaxed) }
        signal(SIGTERM) { _ in LogInterrupt.flag.store(true, ordering: .relaxed) }
        // A parent may hand down a mask with these blocked (Foundation's Process, some CI
        // runners): then Ctrl-C would never arrive. Unblock them on this (the main) thread.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    static var isSet: Bool { flag.load(ordering: .relaxed) }

    /// Sleeps `seconds` in short steps; false as soon as an interrupt arrived.
    static func wait(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !isSet {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return true }
            Thread.sleep(forTimeInterval: min(0.05, left))
        }
        return false
    }
}
