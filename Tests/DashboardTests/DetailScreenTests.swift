import Foundation
import Testing
@testable import Dashboard

/// Literal pictures of the toggle detail and the log line detail at 80x24 and 160x48.
@Suite struct DetailScreenTests {
    static func toggleDetail() -> ToggleDetail {
        ToggleDetail(
            name: "betaDashboard", key: "betaDashboard",
            fields: [
                FieldRow(name: "fingerprint", value: "Sofia G"), FieldRow(name: "override", value: "email-user"),
                FieldRow(name: "releaseNum", value: "2.9"), FieldRow(name: "toggle", value: "True"),
            ],
            rule: "ON only for sessions with authType = email-user", reached: 56, totalSessions: 300,
            history: [AuditSummary(actor: "priya@laptop", time: Fixtures.at(-120), old: "False", new: "True", reason: "INC-42 canary")],
            outsideChange: nil, errorCount: 2,
            recentErrors: [Fixtures.errorRows[0]], errorsNote: nil, fetchedAt: Fixtures.t0)
    }

    static func withToggleDetail(width: Int, height: Int) -> AppState {
        var s = Fixtures.loaded(width: width, height: height)
        s.toggles.detail = .loaded(toggleDetail())
        return s
    }

    static func withLogDetail(width: Int, height: Int) -> AppState {
        let long = Fixtures.log(
            "checkout", .critical,
            "payment provider timed out after 30000 ms for order 4711; "
                + "retries exhausted, the cart was kept and the customer saw the fallback page", 3)
        var s = Fixtures.loaded(width: width, height: height, logs: [long])
        s.focus = .logs
        _ = s.press(.enter)
        return s
    }

    @Test func toggleDetailAt80x24() {
        let s = Self.withToggleDetail(width: 80, height: 24)
        #expect(
            Fixtures.picture(Fixtures.screen(s)) == """
                 1 Toggles │ 2 Sessions │ 3 Errors │ 4 Logs │ 5 Server
                ┌ 1 Toggle betaDashboard ──────────────────────────────────────────────────────┐
                │Rule      ON only for sessions with authType = email-user                     │
                │Sessions  56 of 300 get it now                                                │
                │Key       betaDashboard                                                       │
                │                                                                              │
                │Fields                                                                        │
                │  fingerprint  Sofia G                                                        │
                │  override     email-user                                                     │
                │  releaseNum   2.9                                                            │
                │  toggle       True                                                           │
                │                                                                              │
                │Changes (audit trail, newest first)                                           │
                │  11-26 18:01:33 (2m ago)  priya@laptop  False → True  “INC-42 canary”        │
                │                                                                              │
                │Timeline (last 15m)                                                           │
                │  errors                                                                      │
                │  flips                                                       ▲               │
                │          -15m                                                     now        │
                │  error counts not read yet: catching up…                                     │
                │                                                                              │
                └──────────────────────────────────────────────────────────────────────────────┘
                 staging │ connected │ data just now · poll 12ms │ 127.0.0.1:6379 │ Redis 7.0.1…
                 Esc back · e its errors · j/k scroll · r reload · : command · x export · ? help
                """)
    }

    @Test func toggleDetailAt160x48() {
        let s = Self.withToggleDetail(width: 160, height: 48)
        #expect(
            Fixtures.picture(Fixtures.screen(s)) == """
                ┌ 1 Toggle betaDashboard ──────────────────────────────────────────────────────┐┌ 2 Sessions 2 ────────────────────────────────────────────────────────────────┐
                │Rule      ON only for sessions with authType = email-user                     ││Key                   Auth type Name                                       TTL│
                │Sessions  56 of 300 get it now                                                ││session:4156e021:1234 fb-user   John Smith                               1h00m│
                │Key       betaDashboard                                                       ││session:99aa:77       email     Ana Lee                                   none│
                │                                                                              ││                                                                              │
                │Fields                                                                        ││                                                                              │
                │  fingerprint  Sofia G                                                        ││                                                                              │
                │  override     email-user                                                     ││                                                                              │
                │  releaseNum   2.9                                                            ││                                                                              │
                │  toggle       True                                                           ││                                                                              │
                │                                                                              ││                                                                              │
                │Changes (audit trail, newest first)                                           ││                                                                              │
                │  11-26 18:01:33 (2m ago)  priya@laptop  False → True  “INC-42 canary”        ││                                                                              │
                │                                                                              ││                                                                              │
                │Timeline (last 15m)                                                           ││                                                                              │
                │  errors                                                                      ││                                                                              │
                │  flips                                                       ▲               ││                                                                              │
                │          -15m                                                     now        ││                                                                              │
                │  error counts not read yet: catching up…                                     ││                                                                              │
                │                                                                              ││                                                                              │
                │Errors · 2 recorded, all time  (e opens them in Errors)                       ││                                                                              │
                │  03-12 10:32:05  ArrayIndexOutOfBoundsException: 5 · Algo.java:42            ││                                                                              │
                └──────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────────────────────┘
                ┌ 3 Errors (last 15m) ─────────────────────────────────────────────────────────┐┌ 4 Logs ──────────────────────────────────────────────────────────────────────┐
                │Search: / to search by toggle, developer or exception text                    ││No log lines yet                                                              │
                │Enter runs the search; words are matched, symbols ignored                     ││                                                                              │
                │When      Toggle Fingerprint Exception                                        ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │Per toggle: useNewAlgorithm 3 · darkMode 1                                    ││                                                                              │
                └──────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────────────────────┘
                 staging │ connected │ data just now · poll 12ms │ 127.0.0.1:6379 │ Redis 7.0.15 │ RediSearch 1.x │ 42 cmd/s
                 Esc back · e its errors · j/k scroll · r reload · : command · x export · [/] window · q quit · Tab/1-5 pane · ? help
                """)
    }

    @Test func logDetailAt80x24() {
        let s = Self.withLogDetail(width: 80, height: 24)
        #expect(s.logs.detail != nil)
        #expect(
            Fixtures.picture(Fixtures.screen(s)) == """
                 1 Toggles │ 2 Sessions │ 3 Errors │ 4 Logs │ 5 Server
                ┌ 4 Log line · checkout ───────────────────────────────────────────────────────┐
                │Time      11-26 18:03:36                                                      │
                │Severity  CRIT                                                                │
                │Source    checkout                                                            │
                │                                                                              │
                │payment provider timed out after 30000 ms for order 4711; retries exhausted,  │
                │the cart was kept and the customer saw the fallback page                      │
                │                                                                              │
                │As stored                                                                     │
                │payment provider timed out after 30000 ms for order 4711; retries exhausted,  │
                │the cart was kept and the customer saw the fallback page                      │
                │                                                                              │
                │j/k scroll · Esc back to the tail                                             │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                └──────────────────────────────────────────────────────────────────────────────┘
                 staging │ connected │ data just now · poll 12ms │ 127.0.0.1:6379 │ Redis 7.0.1…
                 Esc back · j/k scroll · : command · x export · [/] window · q quit · ? help
                """)
    }

    @Test func logDetailAt160x48() {
        let s = Self.withLogDetail(width: 160, height: 48)
        #expect(
            Fixtures.picture(Fixtures.screen(s)) == """
                ┌ 1 Toggles 4 ─────────────────────────────────────────────────────────────────┐┌ 2 Sessions 2 ────────────────────────────────────────────────────────────────┐
                │  Name▲                State  Release Fingerprint        Override Last change ││Key                   Auth type Name                                       TTL│
                │  betaCheckout         ON     10.0    John S,Stephanie B                      ││session:4156e021:1234 fb-user   John Smith                               1h00m│
                │  darkMode             OFF    2.10    Stephanie B                             ││session:99aa:77       email     Ana Lee                                   none│
                │  legacyPayments       ?maybe 1.9                                             ││                                                                              │
                │  useNewAlgorithm      ON     2.5     John S             fb-user  alice 2m ago││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                └──────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────────────────────┘
                ┌ 3 Errors (last 15m) ─────────────────────────────────────────────────────────┐┌ 4 Log line · checkout ───────────────────────────────────────────────────────┐
                │Search: / to search by toggle, developer or exception text                    ││Time      11-26 18:03:36                                                      │
                │Enter runs the search; words are matched, symbols ignored                     ││Severity  CRIT                                                                │
                │When      Toggle Fingerprint Exception                                        ││Source    checkout                                                            │
                │                                                                              ││                                                                              │
                │                                                                              ││payment provider timed out after 30000 ms for order 4711; retries exhausted,  │
                │                                                                              ││the cart was kept and the customer saw the fallback page                      │
                │                                                                              ││                                                                              │
                │                                                                              ││As stored                                                                     │
                │                                                                              ││payment provider timed out after 30000 ms for order 4711; retries exhausted,  │
                │                                                                              ││the cart was kept and the customer saw the fallback page                      │
                │                                                                              ││                                                                              │
                │                                                                              ││j/k scroll · Esc back to the tail                                             │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │                                                                              ││                                                                              │
                │Per toggle: useNewAlgorithm 3 · darkMode 1                                    ││                                                                              │
                └──────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────────────────────┘
                 staging │ connected │ data just now · poll 12ms │ 127.0.0.1:6379 │ Redis 7.0.15 │ RediSearch 1.x │ 42 cmd/s
                 Esc back · j/k scroll · : command · x export · [/] window · q quit · Tab/1-5 pane · ? help
                """)
    }
}

/// The pair layout between 120x40 and the grid, and the badges on hidden panes' tabs.
@Suite struct PairLayoutAndBadgeTests {
    @Test func twoPanesSideBySideBetweenPairAndGridSizes() {
        var s = Fixtures.loaded(width: 130, height: 42)
        #expect(s.visiblePanes == [.toggles, .sessions])
        let text = Fixtures.picture(Fixtures.screen(s))
        #expect(text.contains("┌ 1 Toggles") && text.contains("┌ 2 Sessions") && text.contains("3 Errors │ 4 Logs"))
        _ = s.press(.char("4"))
        #expect(s.visiblePanes == [.errors, .logs])
        #expect(Fixtures.loaded(width: 119, height: 42).visiblePanes.count == 1)
        #expect(Fixtures.loaded(width: 160, height: 48).visiblePanes.count == 4)
    }

    @Test func aHiddenPaneWithSomethingNewShowsABadge() {
        var s = Fixtures.loaded(width: 80, height: 24)
        let latest = ErrorSearchView(query: "", total: 1, rows: [Fixtures.errorRows[0]], backendLabel: "RediSearch 1.x")
        _ = update(&s, .pollSucceeded(DashboardSnapshot(latestErrors: latest), duration: 0.01, at: Fixtures.at(1)))
        #expect(s.unseen.isEmpty, "the first list is not news")
        var more = latest
        more.total = 2
        var second = Fixtures.errorRows[0]
        second.id += "#2"
        more.rows.append(second)
        _ = update(&s, .pollSucceeded(DashboardSnapshot(latestErrors: more), duration: 0.01, at: Fixtures.at(2)))
        #expect(s.unseen == [.errors])
        #expect(Fixtures.picture(Fixtures.screen(s)).contains("3 Errors ●"))
        _ = update(
            &s,
            .pollSucceeded(
                DashboardSnapshot(newLogLines: [Fixtures.log("api", .error, "boom", 3)]),
                duration: 0.01, at: Fixtures.at(3)))
        #expect(s.unseen == [.errors, .logs])
        _ = s.press(.char("3"))
        #expect(s.unseen == [.logs], "seen once on screen")
    }
}
