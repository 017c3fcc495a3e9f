import Foundation
import Operations
import Testing

/// The guard rule language (docs/guarded-flips.md): both forms, the figures in words, and a
/// clear refusal for every malformed rule.
@Suite struct GuardRuleTests {
    @Test func countRuleParsesAndBreaksAboveTheLimit() throws {
        let rule = try GuardRule("errors > 20 in 5m")
        #expect(rule.kind == .count(limit: 20, inclusive: false))
        #expect(rule.window == 300)
        #expect(rule.evaluate(count: 20, watched: 60, before: 0).broken == false)
        let broken = rule.evaluate(count: 23, watched: 60, before: 0)
        #expect(broken.broken)
        #expect(broken.figures == "23 errors in 5m > 20")
        #expect(rule.progress(count: 3) == "3/20")
        #expect(try GuardRule("Errors >= 2 IN 90s").evaluate(count: 2, watched: 1, before: 0).broken)
    }

    @Test func rateRuleNeedsTheMinimumAndTheFactor() throws {
        let rule = try GuardRule("rate > 3x before in 10m min 4")
        #expect(rule.kind == .rate(factor: 3, minimum: 4))
        #expect(rule.window == 600)
        // Before: 10 errors in 10m = 1/min. After: 3 in 1m (below the minimum), 4 in 1m (4/min > 3/min).
        #expect(!rule.evaluate(count: 3, watched: 60, before: 10).broken)
        let broken = rule.evaluate(count: 4, watched: 60, before: 10)
        #expect(broken.broken, "\(broken.figures)")
        #expect(!rule.evaluate(count: 6, watched: 180, before: 10).broken, "2/min is not above 3x 1/min")
        // A quiet toggle: any rate is above 3x zero once the minimum is reached.
        let defaults = try GuardRule("rate > 3x before")
        #expect(defaults.window == GuardRule.defaultRateWindow)
        #expect(!defaults.evaluate(count: 1, watched: 10, before: 0).broken, "one error cannot trip it")
        #expect(defaults.evaluate(count: 5, watched: 10, before: 0).broken)
    }

    @Test(arguments: [
        ("", "starts with `errors` or `rate`"),
        ("errors 20 in 5m", "expected `>`"),
        ("errors > many in 5m", "whole number"),
        ("errors > 20", "needs a window"),
        ("errors > 20 in 5", "not a window"),
        ("errors > 20 in 0m", "not a window"),
        ("errors > 20 in 5m please", "unexpected `please`"),
        ("rate > 3 before", "factor"),
        ("rate > 0.5x before", "factor"),
        ("rate > 3x after", "`before`"),
        ("rate > 3x before min 0", "`min`"),
        ("rate >= 3x before", "takes `>`"),
        ("latency > 3 in 5m", "starts with"),
    ])
    func badRulesAreRefusedWithWhatToType(text: String, why: String) {
        #expect {
            try GuardRule(text)
        } throws: { error in
            let message = "\(error)"
            return message.contains(why) && message.contains("errors > 20 in 5m")
        }
    }
}
