import Foundation
import Testing
@testable import Dashboard

/// The four-pane screen at 160x48.
@Suite struct GridScreenTests {
    /// All panes filled, Errors focused with a search result, a loss marker in the logs.
    static func gridState() -> AppState {
        let logs = [
            Fixtures.log("checkout", .error, "payment timed out", -5), Fixtures.log("api", .info, "GET /health 200", -3),
            Fixtures.log("api", .warning, "slow payment provider \u{1B}[31m", -2),
        ]
        var s = Fixtures.loaded(width: 160, height: 48, logs: logs)
        _ = update(
            &s,
            .pollSucceeded(
                Fixtures.snapshot(logs: [Fixtures.log("worker", .critical, "queue full", 0.5)], lost: 40),
                duration: 0.01, at: Fixtures.at(1)))
        _ = update(
            &s,
            .searchFinished(
                .success(
                    ErrorSearchView(
                        query: "john", total: 3, rows: Fixtures.errorRows,
                        backendLabel: "RediSearch 1.x", notice: "matched words: john",
                        terms: ["John"]))))
        _ = s.press(.char("3"))
        return s
    }

    @Test func allFourPanesAt160x48() {
        let b = Fixtures.screen(Self.gridState(), theme: .dark)
        #expect(
            Fixtures.picture(b) == """
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
                ┌ 3 Errors (search: all time) ─────────────────────────────────────────────────┐┌ 4 Logs ──────────────────────────────────────────────────────────────────────┐
                │Search: / to search by toggle, developer or exception text                    ││18:03:28 ERR  checkout payment timed out                                      │
                │1 of 3 found · current · RediSearch 1.x · matched words: john                 ││18:03:30 INFO api      GET /health 200                                        │
                │When      Toggle          Fingerprint        Exception                        ││18:03:31 WARN api      slow payment provider ␛[31m                            │
                │2816d ago useNewAlgorithm John S,Stephanie B ArrayIndexOutOfBo… · Algo.java:42││⋯ ~40 entries may be missing between polls                                    │
                │                                                                              ││18:03:33 CRIT worker   queue full                                             │
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
                 staging │ connected │ data just now · poll 10ms │ 127.0.0.1:6379 │ Redis 7.0.15 │ RediSearch 1.x │ 42 cmd/s
                 / search · Enter details · v groups/all · t its toggle · o/O sort · : command · x export · [/] window · q quit · Tab/1-5 pane · ? help
                """)
        let theme = Theme.dark
        #expect(b[0, 24].style.fg == theme[.borderFocused].fg) // Errors is focused
        #expect(b[0, 0].style.fg == theme[.border].fg)
        #expect(b[35, 27].style.bg == theme[.selection].bg) // the selected result reads as one bar
    }
}
