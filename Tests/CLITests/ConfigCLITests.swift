import Foundation
import Operations
import RedisClient
import TestSupport
import Testing

/// Issue 15, the config: strict keys and values with line and column, where the file is found,
/// and one precedence for the endpoint — each with the real binary.
@Suite struct ConfigCLITests {
    /// A fresh directory, removed by the caller.
    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Found: with `prodution: true` and `readonly: true` a write succeeded with exit 0. Now the
    /// file is refused (exit 64) naming each key, its line and column and the closest known key,
    /// and nothing is written.
    @Test func misspelledSafetyKeysAreErrorsNotSilence() throws {
        try withServer { server in
            let redis = try server.connect()
            defer { redis.close() }
            try redis.execute("HSET", "useNewAlgorithm", "toggle", "True")
            let directory = try Self.scratch()
            defer { try? FileManager.default.removeItem(at: directory) }
            let config = directory.appendingPathComponent("config.yaml")
            try Self.write(
                """
                # the production cluster
                current-context: prod
                contexts:
                  prod:
                    url: unix://\(server.socketPath)
                    prodution: true
                    readonly: true
                """, to: config)
            let run = try OpsdeckRun.run(["toggles", "set", "useNewAlgorithm", "off", "--config", config.path])
            #expect(run.status == 64, "exit \(run.status): \(run.allOutput)")
            #expect(
                run.stderr.contains("line 6, column 5: unknown key 'prodution' in 'contexts.prod' (did you mean 'production'?)"),
                "\(run.stderr)")
            #expect(
                run.stderr.contains("line 7, column 5: unknown key 'readonly' in 'contexts.prod' (did you mean 'read-only'?)"),
                "\(run.stderr)")
            #expect(run.stderr.hasPrefix("opsdeck: config file \(config.path), line 6"), "\(run.stderr)")
            let value = try redis.send([RedisCommand("HGET", "useNewAlgorithm", "toggle")]).first?.string
            #expect(value == "True", "nothing may be written with a config that cannot be read")
        }
    }

    /// Found: `ulr:` silently fell back to 127.0.0.1:6379.
    @Test func unknownKeysEverywhereNameTheClosestKey() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("config.yaml")
        try Self.write(
            """
            curent-context: staging
            contexts:
              staging:
                ulr: redis://cache.internal:6379
                patterns: { toggle: "toggle:*", bogus: 1 }
            """, to: config)
        let run = try OpsdeckRun.run(["toggles", "list", "--config", config.path])
        #expect(run.status == 64, "exit \(run.status)")
        for expected in [
            "line 1, column 1: unknown key 'curent-context' (did you mean 'current-context'?)",
            "line 4, column 5: unknown key 'ulr' in 'contexts.staging' (did you mean 'url'?)",
            "line 5, column 17: unknown key 'toggle' in 'contexts.staging.patterns' (did you mean 'toggles'?)",
            "unknown key 'bogus' in 'contexts.staging.patterns' (known: toggles, sessions",
        ] {
            #expect(run.stderr.contains(expected), "missing \(expected) in \(run.stderr)")
        }
        #expect(!run.stderr.contains("127.0.0.1"), "it must not have tried the default: \(run.stderr)")
    }

    /// Found: malformed YAML said "The given data was not valid YAML" with no line.
    @Test func malformedYAMLHasLineAndColumn() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("config.yaml")
        try Self.write("contexts:\n  prod:\n\turl: redis://x\n", to: config)
        let run = try OpsdeckRun.run(["toggles", "list", "--config", config.path])
        #expect(run.status == 64, "exit \(run.status)")
        #expect(run.stderr.contains("config file \(config.path), line 3, column 1: not valid YAML"), "\(run.stderr)")
        #expect(run.stderr.contains("not valid YAML"), "\(run.stderr)")
    }

    /// Values are checked with the flags' own words: the interval's range, the URL's port, booleans.
    @Test func valuesAreValidatedLikeFlags() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("config.yaml")
        try Self.write(
            """
            interval: 0
            contexts:
              prod:
                url: redis://cache.internal:99999
                read-only: maybe
                patterns:
                  audit-cap: 0
            """, to: config)
        let run = try OpsdeckRun.run(["toggles", "list", "--config", config.path])
        #expect(run.status == 64, "exit \(run.status)")
        let flagInterval = try OpsdeckRun.run(["dashboard", "--interval", "0"])
        let flagURL = try OpsdeckRun.run(["toggles", "list", "--url", "redis://cache.internal:99999"])
        #expect(flagInterval.stderr.contains("--interval must be between 0.05 and 3600 seconds"), "\(flagInterval.stderr)")
        #expect(run.stderr.contains("line 1, column 11: 'interval' must be between 0.05 and 3600 seconds"), "\(run.stderr)")
        #expect(flagURL.stderr.contains("bad port '99999' in redis://cache.internal:99999"), "\(flagURL.stderr)")
        #expect(
            run.stderr.contains("line 4, column 10: 'contexts.prod.url' invalid Redis endpoint: bad port '99999'"),
            "\(run.stderr)")
        #expect(run.stderr.contains("line 5, column 16: 'contexts.prod.read-only' must be true or false"), "\(run.stderr)")
        #expect(run.stderr.contains("'contexts.prod.patterns.audit-cap' must be 1 or more"), "\(run.stderr)")
    }

    /// The documented example config (docs/connecting.md, "Config file"), with every key, is
    /// accepted as it stands.
    @Test func theDocumentedExampleIsValid() throws {
        let readme = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../docs/connecting.md").standardizedFileURL, encoding: .utf8)
        let start = try #require(readme.range(of: "```yaml\ncurrent-context: staging"))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let example = String(readme[readme.index(start.lowerBound, offsetBy: 8)..<end.lowerBound])
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("config.yaml")
        try Self.write(example, to: config)
        // `contexts list` reads the config without connecting.
        let run = try OpsdeckRun.run(["contexts", "list", "--config", config.path])
        #expect(run.status == 0, "exit \(run.status): \(run.stderr)")
        #expect(run.stdout.contains("prod") && run.stdout.contains("staging"), "\(run.stdout)")
    }

    /// Found: OPSDECK_URL lost against the current context, while the README said the opposite.
    /// The table: flags > OPSDECK_URL > --context / current context > default. Unreachable
    /// sockets with distinct names show which endpoint was tried.
    @Test(arguments: [
        (["-s", "/nonexistent/flag.sock"], true, [String](), "flag.sock"),
        (["--url", "unix:///nonexistent/url-flag.sock"], true, [], "url-flag.sock"),
        ([], true, [], "env.sock"),
        (["--context", "other"], true, [], "env.sock"),
        ([], false, [], "current.sock"),
        (["--context", "other"], false, [], "other.sock"),
        (["-s", "/nonexistent/flag.sock"], false, ["--context", "other"], "flag.sock"),
    ])
    func endpointPrecedence(flags: [String], withEnvironment: Bool, more: [String], expected: String) throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.write(
            """
            current-context: current
            contexts:
              current: { url: "unix:///nonexistent/current.sock" }
              other: { url: "unix:///nonexistent/other.sock" }
            """, to: directory.appendingPathComponent(".config/opsdeck/config.yaml"))
        var environment = ["HOME": directory.path]
        if withEnvironment { environment["OPSDECK_URL"] = "unix:///nonexistent/env.sock" }
        let run = try OpsdeckRun.run(["toggles", "list"] + flags + more, environment: environment)
        #expect(run.status == 69, "exit \(run.status): \(run.stderr)")
        #expect(run.stderr.contains("unix:///nonexistent/\(expected)"), "expected \(expected): \(run.stderr)")
    }

    /// With neither flags, OPSDECK_URL nor a config, the default endpoint is tried.
    /// `bell:` asks the dashboard to ring the terminal's bell with its notices; a value that is
    /// not a flag is refused like any other.
    @Test func bellIsAFlag() throws {
        #expect(try OpsdeckConfig.parse("bell: true\n", file: "c.yaml").bell == true)
        #expect(try OpsdeckConfig.parse("theme: dark\n", file: "c.yaml").bell == nil)
        #expect(throws: OperationsError.self) { try OpsdeckConfig.parse("bell: loud\n", file: "c.yaml") }
        #expect(throws: OperationsError.self) { try OpsdeckConfig.parse("bel: true\n", file: "c.yaml") }
    }

    /// `copy:` picks how the dashboard's `y` copies: `osc52` or `off`; anything else is refused.
    @Test func copyIsOsc52OrOff() throws {
        #expect(try OpsdeckConfig.parse("copy: osc52\n", file: "c.yaml").copy == .osc52)
        #expect(try OpsdeckConfig.parse("copy: off\n", file: "c.yaml").copy == .off)
        #expect(try OpsdeckConfig.parse("theme: dark\n", file: "c.yaml").copy == nil)
        #expect(throws: OperationsError.self) { try OpsdeckConfig.parse("copy: xclip\n", file: "c.yaml") }
        #expect(throws: OperationsError.self) { try OpsdeckConfig.parse("copy: true\n", file: "c.yaml") }
    }

    /// `mouse:` turns clicks and the wheel on (the default) or off; anything else is refused.
    /// YAML 1.1 reads a bare `on`/`off` as a boolean: both spellings must still mean the word.
    @Test func mouseIsOnOrOff() throws {
        #expect(try OpsdeckConfig.parse("mouse: off\n", file: "c.yaml").mouse == .off)
        #expect(try OpsdeckConfig.parse("mouse: on\n", file: "c.yaml").mouse == .on)
        #expect(try OpsdeckConfig.parse("theme: dark\n", file: "c.yaml").mouse == nil)
        #expect(throws: OperationsError.self) { try OpsdeckConfig.parse("mouse: wheel\n", file: "c.yaml") }
    }

    /// `guard:` gives the dashboard's flip dialog its proposed rule and duration; both are checked
    /// by the parsers `--guard` and `--for` use, so a typo is refused when the file is read.
    @Test func guardDefaultsAreChecked() throws {
        let parsed = try OpsdeckConfig.parse("guard: { rule: \"rate > 3x before min 4\", for: 20m }\n", file: "c.yaml")
        #expect(parsed.guardDefaults == OpsdeckConfig.GuardDefaults(rule: "rate > 3x before min 4", duration: "20m"))
        #expect(try OpsdeckConfig.parse("theme: dark\n", file: "c.yaml").guardDefaults == nil)
        for bad in ["guard: { rule: \"errors > many in 5m\" }\n", "guard: { for: 15 }\n", "guard: { rules: x }\n", "guard: on\n"] {
            #expect(throws: OperationsError.self, "\(bad)") { try OpsdeckConfig.parse(bad, file: "c.yaml") }
        }
    }

    @Test func theDefaultComesLast() throws {
        let run = try OpsdeckRun.run(["toggles", "list", "--timeout", "0.5"])
        #expect(run.status == 0 || run.stderr.contains("127.0.0.1:6379"), "exit \(run.status): \(run.stderr)")
    }

    /// Found: XDG_CONFIG_HOME was ignored. Order: --config, OPSDECK_CONFIG, XDG, ~/.config.
    @Test func theConfigFileIsFoundInOrder() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        func config(_ name: String) -> String { "current-context: c\ncontexts:\n  c: { url: \"unix:///nonexistent/\(name).sock\" }\n" }
        let explicit = directory.appendingPathComponent("explicit.yaml")
        let fromEnvironment = directory.appendingPathComponent("environment.yaml")
        let xdg = directory.appendingPathComponent("xdg")
        let home = directory.appendingPathComponent("home")
        try Self.write(config("explicit"), to: explicit)
        try Self.write(config("environment"), to: fromEnvironment)
        try Self.write(config("xdg"), to: xdg.appendingPathComponent("opsdeck/config.yaml"))
        try Self.write(config("home"), to: home.appendingPathComponent(".config/opsdeck/config.yaml"))
        let cases: [([String], [String: String], String)] = [
            (["--config", explicit.path], ["OPSDECK_CONFIG": fromEnvironment.path, "XDG_CONFIG_HOME": xdg.path], "explicit"),
            ([], ["OPSDECK_CONFIG": fromEnvironment.path, "XDG_CONFIG_HOME": xdg.path], "environment"),
            ([], ["XDG_CONFIG_HOME": xdg.path], "xdg"),
            ([], ["XDG_CONFIG_HOME": directory.appendingPathComponent("empty").path], "home"),
            ([], [:], "home"),
        ]
        for (flags, environment, expected) in cases {
            let run = try OpsdeckRun.run(["toggles", "list"] + flags, environment: environment.merging(["HOME": home.path]) { $1 })
            #expect(run.stderr.contains("/nonexistent/\(expected).sock"), "\(flags) \(environment): \(run.stderr)")
        }
    }
}
