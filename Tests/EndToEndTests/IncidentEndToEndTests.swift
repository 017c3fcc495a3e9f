import Foundation
import Operations
import RedisClient
import TestSupport
import Testing

/// Issue 11's "done means", in a real terminal: 30 errors of one exception for one toggle in the
/// last 10 minutes (after its flip) and old errors for another; the first toggle is marked with
/// its errors in Toggles, and Errors shows one group of 30 with the exception class visible.
@Suite struct IncidentEndToEndTests {
    @Test func theErroringToggleIsMarkedAndItsErrorsAreOneGroup() throws {
        let app = try DashboardHarness()
        defer { app.close() }
        let now = Date()
        try app.redis.execute("HSET", "incidentToggle", "toggle", "True", "releaseNum", "3.1")
        try app.redis.execute("HSET", "quietToggle", "toggle", "False", "releaseNum", "3.0")
        let flip =
            "{\"actor\":\"priya@laptop\",\"new\":\"True\",\"old\":\"False\",\"reason\":null,"
            + "\"time\":\"\(ISO8601DateFormatter().string(from: now.addingTimeInterval(-11 * 60)))\",\"toggle\":\"incidentToggle\"}"
        try app.redis.execute("LPUSH", "opsdeck:audit", flip)
        func add(_ toggle: String, _ date: Date, _ body: String) throws {
            let id = ErrorID.make(toggle: toggle, date: date)
            try app.redis.execute(
                RedisCommand(
                    "FT.ADD",
                    [
                        "toggle_errors_db", id, "1.0", "FIELDS", "toggleName", toggle,
                        "toggleValue", "True", "fingerPrint", "Nina Q", "exceptionBody", body,
                    ]))
        }
        for i in 0..<30 {
            try add(
                "incidentToggle", now.addingTimeInterval(-Double(20 + i * 17)),
                "Exception in thread \"main\" java.lang.IllegalStateException: basket \(4000 + i) is locked\n"
                    + "\tat java.util.HashMap.get(HashMap.java:1)\n\tat com.shop.Basket.lock(Basket.java:77)")
        }
        for i in 0..<4 {
            try add("quietToggle", now.addingTimeInterval(-Double(2 * 86_400 + i * 60)), "java.lang.NullPointerException")
        }
        try app.terminal.send(keys: "r")
        let toggles = try app.terminal.waitUntil(description: "the erroring toggle marked with its errors") { screen in
            screen.split(separator: "\n").contains { $0.contains("! incidentToggle") && $0.contains(" 30 ") }
        }
        let quiet = toggles.split(separator: "\n").first { $0.contains("quietToggle") }.map(String.init) ?? ""
        #expect(!quiet.contains("!"), "the toggle with only old errors is not marked: \(quiet)")

        try app.terminal.send(keys: "3")
        let errors = try app.terminal.waitUntil(description: "one group of 30 with the exception class") { screen in
            screen.split(separator: "\n").contains {
                $0.contains("   30 ") && $0.contains("incidentToggle") && $0.contains("IllegalStateException")
            }
        }
        #expect(!errors.contains("NullPointerException"), "old errors are outside the 15-minute window")
        // The counts per toggle beside the groups are the window's too: the title says "last 15m".
        #expect(!errors.contains("quietToggle"), "a toggle whose errors are all older than the window is not counted:\n\(errors)")
        #expect(!errors.contains("Exception in thread"), "the boilerplate is not what the column shows")
    }
}
