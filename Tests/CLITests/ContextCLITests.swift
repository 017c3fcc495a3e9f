import Foundation
import Operations
import Spelling
import TestSupport
import Testing

/// Issue 15: `opsdeck contexts list | show | use` with the real binary, the comment-keeping edit
/// of `current-context`, and the one did-you-mean rule.
@Suite struct ContextCLITests {
    static let config = """
        # opsdeck contexts — keep this comment
        current-context: staging   # what plain `opsdeck` uses
        contexts:
          prod:
            url: redis://oncall:Secr3t@prod-redis.internal:6379/0   # the password must never be printed
            read-only: true
            production: true
          staging:
            url: unix:///run/redis/redis.sock
        """

    @Test func listShowAndUse() throws {
        let directory = try ConfigCLITests.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("xdg/opsdeck/config.yaml")
        try ConfigCLITests.write(Self.config, to: file)
        let environment = ["XDG_CONFIG_HOME": directory.appendingPathComponent("xdg").path]

        let list = try OpsdeckRun.run(["contexts", "list"], environment: environment)
        #expect(list.status == 0, "exit \(list.status): \(list.stderr)")
        #expect(list.stdout.contains("*        staging"), "\(list.stdout)")
        #expect(list.stdout.contains("redis://oncall:***@prod-redis.internal:6379/0"), "\(list.stdout)")
        #expect(!list.allOutput.contains("Secr3t"), "the password leaked: \(list.allOutput)")

        let show = try OpsdeckRun.run(["contexts", "show", "prod", "--json"], environment: environment)
        #expect(show.status == 0 && show.stdout.contains("\"production\" : true"), "\(show.allOutput)")
        let current = try OpsdeckRun.run(["contexts", "show"], environment: environment)
        #expect(current.stdout.contains("unix:///run/redis/redis.sock"), "\(current.stdout)")

        let typo = try OpsdeckRun.run(["contexts", "use", "prd"], environment: environment)
        #expect(typo.status == 6 && typo.stderr.contains("did you mean 'prod'?"), "\(typo.allOutput)")

        let use = try OpsdeckRun.run(["contexts", "use", "prod"], environment: environment)
        #expect(use.status == 0, "exit \(use.status): \(use.stderr)")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(
            text == Self.config.replacingOccurrences(of: "current-context: staging", with: "current-context: prod"),
            "only the value may change, comments included:\n\(text)")
        let after = try OpsdeckRun.run(["contexts", "list"], environment: environment)
        #expect(after.stdout.contains("*        prod"), "\(after.stdout)")
    }

    /// A flow-style file cannot be line-edited: it is rewritten from its values, and `use` says so.
    @Test func aFileThatCannotBeEditedIsRewrittenAndSaysSo() throws {
        let directory = try ConfigCLITests.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("config.yaml")
        try ConfigCLITests.write("{contexts: {a: {url: \"redis://a:6379\"}, b: {url: \"redis://b:6379\"}}}\n", to: file)
        let use = try OpsdeckRun.run(["contexts", "use", "b", "--config", file.path])
        #expect(use.status == 0 && use.stdout.contains("rewrote"), "\(use.allOutput)")
        let config = try OpsdeckConfig.parse(try String(contentsOf: file, encoding: .utf8), file: file.path)
        #expect(config.currentContext == "b" && config.contexts.count == 2)
    }

    @Test func theEditKeepsEverythingElse() {
        #expect(ConfigFileEditor.settingCurrentContext("prod", in: "# c\ncontexts: {}\n") == "# c\ncurrent-context: prod\ncontexts: {}\n")
        #expect(ConfigFileEditor.settingCurrentContext("on", in: "current-context: x # c\n") == "current-context: \"on\" # c\n")
        #expect(ConfigFileEditor.settingCurrentContext("a", in: "{contexts: {}}") == nil)
    }

    @Test func suggestionsForgiveCaseAndSmallTypos() {
        let commands = ["list", "get", "set", "history"]
        #expect(Suggestion.closest(to: "lst", among: commands) == "list")
        #expect(Suggestion.closest(to: "hsitory", among: commands) == "history")
        #expect(Suggestion.closest(to: "usenewalgorithm", among: ["darkMode", "useNewAlgorithm"]) == "useNewAlgorithm")
        #expect(Suggestion.closest(to: "ulr", among: ["url", "user"]) == "url")
        #expect(Suggestion.closest(to: "bogus", among: ["logs", "toggles"]) == nil)
        #expect(Suggestion.closest(to: "list", among: commands) == nil, "an exact match needs no suggestion")
        #expect(Suggestion.distance("kitten", "sitting") == 3)
    }
}
