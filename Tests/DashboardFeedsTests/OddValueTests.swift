import Dashboard
import DashboardFeeds
import Foundation
import Operations
import RedisClient
import TestSupport
import Testing

/// Issue 24, bug 4: `" True"` showed as ON with its spaces invisible (an application comparing
/// strings sees it off), and `""` showed `?` while the detail said "0 of 2,000 get it now".
@Suite struct OddValueTests {
    @Test func canonicalSpellingsAreExactlyTheKnownWordsInThreeCases() {
        for raw in ["True", "true", "TRUE", "off", "Off", "OFF", "1", "0", "yes", "Disabled"] {
            #expect(ToggleValue(raw).isCanonical, "\(raw)")
        }
        for raw in [" True", "True ", "tRuE", "True\t", "", "maybe", "1 "] {
            #expect(!ToggleValue(raw).isCanonical, "\(raw)")
        }
    }

    @Test func oddValuesShowTheirRawTextAndAnUnknownOneDecidesNothing() throws {
        try withConnection { redis, _ in
            try redis.execute("HSET", "toggle:padded", "toggle", " True")
            try redis.execute("HSET", "toggle:empty", "toggle", "")
            try redis.execute("HSET", "toggle:plain", "toggle", "True")
            try redis.send((0..<20).map { RedisCommand("HSET", "session:\($0)", "authType", "guest") })
            var source = DashboardSource(patterns: KeyPatterns(toggles: "toggle:*"), server: ServerInfo(endpoint: "test"))
            let rows = try #require(try source.poll(redis, .everything).toggles)
            func state(_ name: String) -> String? { rows.first { $0.name == name }?.stateText }
            #expect(state("padded") == "ON \" True\"")
            #expect(state("empty") == "?\"\"")
            #expect(state("plain") == "ON")

            let env = OpsEnvironment(redis: redis, patterns: KeyPatterns(toggles: "toggle:*"), actor: "reader")
            guard case .loaded(let empty) = ToggleDetailLoader.load(env, name: "empty", module: nil, at: Date()),
                case .loaded(let padded) = ToggleDetailLoader.load(env, name: "padded", module: nil, at: Date())
            else {
                Issue.record("the details did not load")
                return
            }
            #expect(empty.undecided && empty.totalSessions == 20)
            #expect(!padded.undecided && padded.reached == 20, "read as on, as the table shows it")
        }
    }
}
