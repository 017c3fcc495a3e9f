import Foundation
import LocalRedis
import Operations
import RedisClient
import TestSupport
import Testing

/// Issue 23, bug 3 end to end: the error figures lag while the status bar says "data just now".
/// The real binary in tmux, toggles on one real server answering at once, errors on a second
/// (RediSearch 1.x) behind a `FaultProxy` that delays every reply by 3 s. With one server the
/// errors feed runs inside the one poll, so a slow error database slows the whole poll and its
/// age with it (the bar then cannot say "just now" wrongly); split databases poll each database
/// on its own, which is where the bar's age and the error figures' age part.
@Suite(.serialized) struct ErrorAgeEndToEndTests {
    @Test func laggingErrorFiguresAreNeverCalledJustNow() throws {
        let toggles = try RedisServerProcess(), errors = try RedisServerProcess(flavor: .search1)
        defer {
            toggles.stop()
            errors.stop()
        }
        let ra = try toggles.connect(), rc = try errors.connect()
        defer {
            ra.close()
            rc.close()
        }
        try ra.execute("HSET", "couponStacking", "toggle", "False", "releaseNum", "9.0")
        try ra.execute("HSET", "paymentRetryV3", "toggle", "True", "releaseNum", "9.0")
        try ErrorStore(module: SearchModule(generation: .v1)).createIndex(OpsEnvironment(redis: rc, actor: "e2e"))
        let start = Date()
        try Self.addErrors(rc, count: 6, at: start.addingTimeInterval(-120), sequence: 1)
        let proxy = try FaultProxy(backend: errors.endpoint)
        defer { proxy.stop() }

        let terminal = try TerminalSession(
            command: [
                try OpsdeckRun.binary().path, "dashboard", "-s", toggles.socketPath, "--interval", "0.5",
                "--endpoint", "errors=" + proxy.url,
            ],
            environment: ["TZ": "UTC", "USER": "e2e"], columns: 200, rows: 56)
        defer { terminal.close() }

        try terminal.waitUntil(description: "the errors read and current") { screen in
            Self.count(of: "couponStacking", in: screen) == 6 && Self.statusBar(screen).contains("data just now")
                && !screen.contains("as of")
        }

        // The error database slows down (3 s a reply); 60 more errors arrive (truth: 66).
        proxy.setRules([FaultRule(nil, .delay(seconds: 3))])
        try Self.addErrors(rc, count: 60, at: Date().addingTimeInterval(-90), sequence: 2)
        var lagging: [String] = []
        var wrong: [String] = []
        var oldest = 0
        // Every screen until the figures have lagged 3 s or more (a reply's delay).
        _ = eventually {
            let screen = terminal.screen()
            // The Errors pane's title, or the Toggles pane's error column, says its figures' age.
            guard let age = Self.errorsAge(in: screen) else { return false }
            lagging.append(screen)
            oldest = max(oldest, age)
            if Self.statusBar(screen).contains("data just now") { wrong.append(screen) }
            return oldest >= 3 && lagging.count >= 20
        }
        #expect(oldest >= 3, "the error figures never said an age of 3 s or more while their database lagged:\n\(terminal.screen())")
        #expect(
            wrong.isEmpty,
            "\(wrong.count) of \(lagging.count) screens showed lagging error figures under \"data just now\":\n\(wrong.first ?? "")")

        // The database answers at once again: both read current, with the true count.
        proxy.setRules([])
        try terminal.waitUntil(description: "current again, with every error counted") { screen in
            Self.count(of: "couponStacking", in: screen) == 66 && Self.statusBar(screen).contains("data just now")
                && !screen.contains("as of")
        }
    }

    /// `count` errors for couponStacking, one a second from `date`.
    static func addErrors(_ redis: RedisConnection, count: Int, at date: Date, sequence: Int) throws {
        let commands = (0..<count).map { i in
            RedisCommand(
                "FT.ADD",
                [
                    "toggle_errors_db",
                    ErrorID.make(toggle: "couponStacking", date: date.addingTimeInterval(Double(i)), sequence: sequence),
                    "1.0", "FIELDS", "toggleName", "couponStacking", "toggleValue", "False", "fingerPrint", "Nina Q",
                    "exceptionBody", "java.lang.ArithmeticException: coupon",
                ])
        }
        try ReplyFailure.check(try redis.send(commands))
    }

    /// The largest `as of Ns ago` on screen (the error figures' age), if any.
    static func errorsAge(in screen: String) -> Int? {
        let pattern = try! NSRegularExpression(pattern: #"as of (\d+)s ago"#)
        let text = screen as NSString
        return pattern.matches(in: screen, range: NSRange(location: 0, length: text.length))
            .compactMap { Int(text.substring(with: $0.range(at: 1))) }.max()
    }

    /// The status bar: the line with the databases' marks.
    static func statusBar(_ screen: String) -> String {
        screen.split(separator: "\n").last { $0.contains("toggles ●") || $0.contains("toggles ✕") }.map(String.init) ?? ""
    }

    /// The Errors pane's per-toggle count for `toggle` (its `Per toggle:` line), if shown.
    static func count(of toggle: String, in screen: String) -> Int? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains("Per toggle:") }),
            let range = line.range(of: toggle + " ")
        else { return nil }
        let digits = line[range.upperBound...].prefix { $0.isNumber || $0 == "," }
        return Int(digits.replacingOccurrences(of: ",", with: ""))
    }
}
