import ArgumentParser
import Foundation
import Operations
import RedisClient
import Spelling
import Yams

/// `opsdeck contexts list | show [NAME] | use NAME`: the config file's contexts, kubectl-style.
/// Reads (and for `use`, writes) the config file only; never connects. Main thread.
struct ContextCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contexts",
        abstract: "List the config file's contexts, show one, or switch the current one.",
        subcommands: [List.self, Show.self, Use.self])

    /// `--config`, as the connection options take it (the same search order).
    struct ConfigOption: ParsableArguments {
        @Option(
            name: .long, help: "Config file (default $OPSDECK_CONFIG, $XDG_CONFIG_HOME/opsdeck/config.yaml, ~/.config/opsdeck/config.yaml)."
        )
        var config: String?

        /// The config and its file; an error naming the places looked at when there is none.
        func load() throws -> (config: OpsdeckConfig, file: String) {
            let (config, file) = try OpsdeckConfig.load(path: config)
            guard let file else {
                let places = OpsdeckConfig.candidates(path: nil, environment: ProcessInfo.processInfo.environment).defaults
                throw OperationsError.invalidInput(
                    "no config file; looked for " + places.joined(separator: ", ")
                        + ". Create one with a `contexts:` block (docs/connecting.md, \"Config file\").")
            }
            return (config, file)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the contexts; * marks the current one.")
        @OptionGroup var file: ConfigOption
        @OptionGroup var output: OutputOptions

        func run() throws {
            let (config, _) = try file.load()
            let names = config.contexts.keys.sorted()
            if output.json { return try Output.json(names.map { ContextReport(name: $0, config: config) }) }
            Output.table(
                ["CURRENT", "NAME", "URL", "READ-ONLY", "PRODUCTION"],
                names.map { name in
                    let context = config.contexts[name] ?? OpsdeckConfig.Context()
                    return [
                        name == config.currentContext ? "*" : "", name, context.url.map(RedisEndpoint.redacted) ?? "-",
                        (context.readOnly ?? false) ? "yes" : "no", (context.production ?? false) ? "yes" : "no",
                    ]
                })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one context (default: the current one).")
        @Argument(help: "Context name.") var name: String?
        @OptionGroup var file: ConfigOption
        @OptionGroup var output: OutputOptions

        func run() throws {
            let (config, _) = try file.load()
            let name = try ContextCommands.existing(name ?? config.currentContext, in: config)
            let report = ContextReport(name: name, config: config)
            if output.json { return try Output.json(report) }
            let patterns = report.patterns
            Output.table(
                ["PROPERTY", "VALUE"],
                [
                    ["name", name], ["current", report.current ? "yes" : "no"], ["url", report.url ?? "-"],
                    ["user", report.user ?? "-"], ["read-only", report.readOnly ? "yes" : "no"],
                    ["production", report.production ? "yes" : "no"],
                    ["patterns.toggles", patterns.toggles], ["patterns.sessions", patterns.sessions],
                    ["patterns.logs", patterns.logs], ["patterns.error-index", patterns.errorIndex],
                    ["patterns.error-prefix", patterns.errorPrefix], ["patterns.audit-key", patterns.auditKey],
                    ["patterns.audit-cap", String(patterns.auditCap)], ["patterns.scan-count", String(patterns.scanCount)],
                ]
                    + DataKind.allCases.compactMap { kind in
                        // Only kinds kept in a database of their own; the rest use `url`.
                        config.contexts[name]?.endpoint(for: kind).map {
                            ["endpoints.\(kind.rawValue)", RedisEndpoint.redacted($0.url) + ($0.tls == nil ? "" : " (own tls)")]
                        }
                    })
        }
    }

    struct Use: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make NAME the current context (writes current-context, keeping the file's comments).")
        @Argument(help: "Context name.") var name: String
        @OptionGroup var file: ConfigOption

        func run() throws {
            let (config, path) = try file.load()
            let name = try ContextCommands.existing(name, in: config)
            let text = try OpsdeckConfig.read(path)
            var wanted = config
            wanted.currentContext = name
            if let edited = ConfigFileEditor.settingCurrentContext(name, in: text),
                (try? OpsdeckConfig.parse(edited, file: path)) == wanted
            {
                try Self.write(edited, to: path)
                print(Output.visible("switched to context \(name) (\(path))"))
                return
            }
            // A layout the line edit cannot change safely: write the file anew from its values.
            try Self.write(try YAMLEncoder().encode(wanted), to: path)
            print(Output.visible("switched to context \(name); rewrote \(path) from its values (its comments and layout were not kept)"))
        }

        static func write(_ text: String, to path: String) throws {
            do {
                try text.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw OperationsError.badData("cannot write config file \(path): \(error.localizedDescription)")
            }
        }
    }

    /// `name` when the config has it; exit 6 with the closest context otherwise.
    static func existing(_ name: String?, in config: OpsdeckConfig) throws -> String {
        let known = config.contexts.keys.sorted()
        guard let name else {
            throw OperationsError.invalidInput("no current context in the config: name one (contexts: \(known.joined(separator: ", ")))")
        }
        guard config.contexts[name] != nil else {
            throw OperationsError.unknownName(
                kind: "context", name: name, suggestion: Suggestion.closest(to: name, among: known),
                advice: "`opsdeck contexts list` shows them.")
        }
        return name
    }
}

/// JSON of a context in `contexts list` / `show`: every key present, the URL's password masked.
struct ContextReport: Encodable {
    var name: String
    var current: Bool
    var url: String?
    var user: String?
    var readOnly: Bool
    var production: Bool
    var patterns: KeyPatterns
    /// Kinds kept in databases of their own (`endpoints:`), their URLs' passwords masked.
    var endpoints: [String: String]

    init(name: String, config: OpsdeckConfig) {
        let context = config.contexts[name] ?? OpsdeckConfig.Context()
        self.name = name
        current = name == config.currentContext
        url = context.url.map(RedisEndpoint.redacted)
        user = context.user
        readOnly = context.readOnly ?? false
        production = context.production ?? false
        patterns = context.patterns ?? KeyPatterns()
        endpoints = (context.endpoints ?? [:]).mapValues { RedisEndpoint.redacted($0.url) }
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case name, current, url, user, readOnly, production, patterns, endpoints }

    func encode(to encoder: any Encoder) throws {
        try encoder.encodeEveryKey(CodingKeys.self) { jsonKey in
            switch jsonKey {
            case .name: name
            case .current: current
            case .url: url
            case .user: user
            case .readOnly: readOnly
            case .production: production
            case .patterns: patterns
            case .endpoints: endpoints
            }
        }
    }
}
