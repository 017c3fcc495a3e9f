import Foundation
import Operations
import RedisClient
import TestSupport
import Testing

/// Issue 23, bug 1 in a real terminal on RediSearch 1.x: 120 errors for `paymentRetryV3` over
/// 10 minutes, then 10,500 within the last minute over three other toggles, more than the
/// 10,000 bodies the dashboard reads. The Toggles pane's counts are exact (3,500 each, 120 for
/// the culprit), the culprit is not missing there nor from the Errors pane's groups, and groups
/// not wholly read say `≥`.
@Suite struct ErrorStormEndToEndTests {
    @Test func stormCountsAreExactAndTheCulpritIsOnScreen() throws {
        let app = try DashboardHarness()
        defer { app.close() }
        let now = Date()
        let storm = ["stormAlpha", "stormBravo", "stormCharlie"]
        for toggle in ["paymentRetryV3"] + storm { try app.redis.execute("HSET", toggle, "toggle", "True", "releaseNum", "9.0") }
        var commands: [RedisCommand] = []
        func add(_ toggle: String, _ date: Date, sequence: Int = 1, _ body: String) {
            let id = ErrorID.make(toggle: toggle, date: date, sequence: sequence)
            commands.append(
                RedisCommand(
                    "FT.ADD",
                    [
                        "toggle_errors_db", id, "1.0", "FIELDS", "toggleName", toggle,
                        "toggleValue", "True", "fingerPrint", "Nina Q", "exceptionBody", body,
                    ]))
        }
        for i in 0..<120 {
            add("paymentRetryV3", now.addingTimeInterval(-600 + Double(i * 4)), "java.lang.IllegalStateException: retry budget spent")
        }
        for toggle in storm {
            for i in 0..<3_500 {
                add(
                    toggle, now.addingTimeInterval(-55 + Double(i % 50)), sequence: 1 + i / 50, "java.net.SocketTimeoutException: \(toggle)"
                )
            }
        }
        var start = 0
        while start < commands.count {
            try ReplyFailure.check(try app.redis.send(Array(commands[start..<min(start + 2_000, commands.count)])))
            start += 2_000
        }
        try app.terminal.send(keys: "r")
        func row(_ screen: String, _ name: String) -> String {
            screen.split(separator: "\n").first { $0.contains(" \(name) ") }.map(String.init) ?? ""
        }
        // Every count beside its toggle: the storm's, then the culprit's (a filter brings each in view).
        try app.terminal.send(keys: "/", "storm", "Enter")
        try app.terminal.waitUntil(timeout: 90, description: "exact storm counts in the Toggles pane") { screen in
            storm.allSatisfy { row(screen, $0).contains("3,500") }
        }
        try app.terminal.send(keys: "/", "C-u", "paymentRetry", "Enter")
        let toggles = try app.terminal.waitUntil(timeout: 60, description: "the culprit's count in the Toggles pane") { screen in
            row(screen, "paymentRetryV3").contains(" 120 ")
        }
        #expect(
            toggles.contains("Per toggle: stormAlpha 3,500 · stormBravo 3,500 · stormCharlie 3,500 · paymentRetryV3 120"),
            "the Errors pane's per-toggle line: \(toggles)")
        try app.terminal.send(keys: "3")
        let errors = try app.terminal.waitUntil(timeout: 60, description: "the culprit's group and ≥ on the storm's") { screen in
            screen.contains("paymentRetryV3") && screen.contains("IllegalStateException") && screen.contains("≥")
        }
        #expect(
            errors.split(separator: "\n").contains { $0.contains("120") && $0.contains("paymentRetryV3") && $0.contains("IllegalState") },
            "the culprit's group is wholly read: \(errors)")
    }
}
