import ArgumentParser
import Foundation
import Operations
import Spelling

/// `opsdeck errors ...`: search, count (deploy gates), record and index error records.
/// Each subcommand runs on the main thread and owns its connection for its lifetime.
struct ErrorCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "errors",
        abstract: "Search, count and record errors in the error database (RediSearch 1.x, 2.x, or none).",
        discussion: """
            Queries: free words, field:value (toggle:, value:, dev:/fingerprint:, exception:), word* prefixes, \
            "phrases", field:(several words). Punctuation only separates words, so anything can be pasted. \
            See docs/errors.md.
            """,
        subcommands: [Search.self, Count.self, Add.self, Init.self])

    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Search error records.",
            discussion: """
                Examples: opsdeck errors search 'ArrayIndexOutOfBoundsException: 5'
                          opsdeck errors search 'dev:john toggle:useNewAlgorithm'
                          opsdeck errors search 'ArrayIndex*' --limit 50 --json
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "What to search for (quote it in the shell).")
        var query: String

        @Option(help: "How many records to show (default 20).")
        var limit = 20

        @Option(help: "Skip this many records first (paging).")
        var offset = 0

        func validate() throws {
            guard limit >= 0, offset >= 0 else { throw ValidationError("--limit and --offset must be 0 or more") }
        }

        func run() throws {
            let env = try CommandContext(connection).environment(connecting: [.errors])
            let result = try ErrorStore().search(env, query: query, limit: limit, offset: offset)
            if output.json {
                try Output.json(result)
                return
            }
            ErrorTable.print(result)
        }
    }

    struct Count: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count error records; with --max, a deploy gate (exit 5 when above it).",
            discussion: """
                Examples: opsdeck errors count --toggle useNewAlgorithm --since 30m --max 5
                          opsdeck errors count 'exception:timeout' --since 2h
                Prints the number on stdout. Records are in the window when the time in their id \
                (<toggle>:MM-DD-YY-HH-MM-SS, UTC) is at or after now minus --since.
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "Only records matching this query (same language as search).")
        var query: String?

        @Option(help: "Only records of this toggle (exact name, case-insensitive).")
        var toggle: String?

        @Option(help: "Only records from this long ago until now: 90s, 30m, 2h, 1d, 1w.")
        var since: String?

        @Option(help: "Exit with status 5 when the count is above this.")
        var max: Int?

        @Flag(help: "Count 0 for a --toggle that does not exist instead of failing with exit 6.")
        var allowMissing = false

        /// A gate on a misspelled toggle would count 0 and pass: a name that is no toggle hash
        /// and has no error record at any time is exit 6, with the closest toggle name. Only
        /// run when the count is 0, so a passing gate costs no extra SCAN.
        static func requireToggle(_ env: OpsEnvironment, _ toggle: String) throws {
            let known = try ToggleStore.list(env).map(\.name)
            guard !known.contains(where: { $0.lowercased() == toggle.lowercased() }) else { return }
            // Errors recorded under the name (outside the window) show it exists, if only as history.
            guard try ErrorStore().countDetailed(env, query: nil, toggle: toggle, since: nil).count == 0 else { return }
            throw OperationsError.unknownName(
                kind: "toggle", name: toggle, suggestion: Suggestion.closest(to: toggle, among: known),
                advice: "A count of a toggle that does not exist is 0 and would pass any gate: check the name "
                    + "(`opsdeck toggles list`), or pass --allow-missing if the toggle is gone on purpose.")
        }

        func validate() throws {
            if let since, let problem = ErrorDuration.problem(since) { throw ValidationError(problem) }
            if let max, max < 0 { throw ValidationError("--max must be 0 or more") }
        }

        func run() throws {
            let env = try CommandContext(connection).environment(connecting: [.errors])
            let window = since.flatMap(ErrorDuration.seconds)
            let start = window.map { env.now().addingTimeInterval(-$0) }
            let counted = try ErrorStore().countDetailed(env, query: query, toggle: toggle, since: start)
            if let toggle, counted.count == 0, !allowMissing { try Self.requireToggle(env, toggle) }
            let exceeded = max.map { counted.count > $0 } ?? false
            if output.json {
                try Output.json(
                    ErrorCountReport(
                        count: counted.count, max: max, exceeded: exceeded, toggle: toggle, query: query, since: start,
                        backend: counted.backend, notice: counted.notice))
            } else {
                print(counted.count)
                if let notice = counted.notice { Output.error("note: " + notice) }
            }
            if let max, exceeded {
                var what = "errors"
                if let toggle { what += " of toggle \(toggle)" }
                if let query { what += " matching '\(query)'" }
                if let since { what += " in the last \(since)" }
                throw OperationsError.gateExceeded(count: counted.count, max: max, what: what)
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record an error the way services do.",
            discussion: """
                Example: opsdeck errors add --toggle useNewAlgorithm --value True --fingerprint 'John S' \\
                           --exception-file stacktrace.txt
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        @Option(help: "The toggle the error happened under.")
        var toggle: String

        @Option(help: "The toggle's value at the time (e.g. True).")
        var value = ""

        @Option(help: "Who is behind the toggle (the toggle's fingerprint).")
        var fingerprint = ""

        @Option(help: "The exception text.")
        var exception: String?

        @Option(help: "Read the exception text from this file, or '-' for stdin.")
        var exceptionFile: String?

        func validate() throws {
            if exception != nil && exceptionFile != nil {
                throw ValidationError("give either --exception or --exception-file, not both")
            }
            if exception == nil && exceptionFile == nil {
                throw ValidationError("give the exception text with --exception TEXT or --exception-file PATH ('-' for stdin)")
            }
        }

        func run() throws {
            let body = try exception ?? ErrorInput.read(exceptionFile ?? "-")
            let env = try CommandContext(connection).environment(connecting: [.errors])
            let record = try ErrorStore().add(
                env, toggleName: toggle, toggleValue: value, fingerPrint: fingerprint, exceptionBody: body)
            if output.json {
                try Output.json(record)
            } else {
                print("recorded \(Output.visible(record.id)) (key \(Output.visible(record.key)))")
            }
        }
    }

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the error index (FT.CREATE) in the syntax of the server's RediSearch.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let env = try CommandContext(connection).environment(connecting: [.errors])
            let store = ErrorStore(module: try SearchModule.detect(env))
            let outcome = try store.createIndex(env)
            if output.json {
                try Output.json(ErrorInitReport(index: env.patterns.errorIndex, outcome: outcome, module: store.module))
                return
            }
            switch outcome {
            case .created: print("created index \(env.patterns.errorIndex) (\(store.module?.description ?? ""))")
            case .alreadyExists: print("index \(env.patterns.errorIndex) already exists; left as it is")
            }
        }
    }
}

/// JSON of `opsdeck errors count`.
struct ErrorCountReport: Encodable {
    var count: Int
    var max: Int?
    var exceeded: Bool
    var toggle: String?
    var query: String?
    var since: Date?
    var backend: ErrorSearchResult.Backend
    var notice: String?

    private enum CodingKeys: String, CodingKey, CaseIterable { case count, max, exceeded, toggle, query, since, backend, notice }

    /// Every key always present (null when unset): pipelines read these with jq.
    func encode(to encoder: any Encoder) throws {
        try encoder.encodeEveryKey(CodingKeys.self) { jsonKey in
            switch jsonKey {
            case .count: count
            case .max: max
            case .exceeded: exceeded
            case .toggle: toggle
            case .query: query
            case .since: since
            case .backend: backend
            case .notice: notice
            }
        }
    }
}

/// JSON of `opsdeck errors init`.
struct ErrorInitReport: Encodable {
    var index: String
    var outcome: ErrorStore.IndexCreation
    var module: SearchModule?

    private enum CodingKeys: String, CodingKey, CaseIterable { case index, outcome, module }

    func encode(to encoder: any Encoder) throws {
        try encoder.encodeEveryKey(CodingKeys.self) { jsonKey in
            switch jsonKey {
            case .index: index
            case .outcome: outcome
            case .module: module
            }
        }
    }
}
