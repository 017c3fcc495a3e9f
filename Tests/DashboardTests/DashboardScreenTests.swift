import Foundation
import Testing
@testable import Dashboard

/// Whole screens rendered from fixed states and compared with literal pictures (trailing
/// blanks trimmed), plus style checks where colour carries meaning next to the text.
@Suite struct DashboardScreenTests {
    /// Toggles at 80x24 after a second poll in which someone else turned darkMode on.
    static func togglesState() -> AppState {
        var s = Fixtures.loaded()
        var next = Fixtures.toggles
        next[1].rawValue = "on"
        next[1].status = .on
        _ = update(&s, .pollSucceeded(Fixtures.snapshot(toggles: next), duration: 0.008, at: Fixtures.at(1)))
        _ = update(&s, .tick(Fixtures.at(2)))
        _ = s.press(.char("G"))
        return s
    }

    @Test func togglesPaneAt80x24() {
        let s = Self.togglesState()
        let b = Fixtures.screen(s, theme: .dark)
        #expect(
            Fixtures.picture(b) == """
                 1 Toggles │ 2 Sessions │ 3 Errors │ 4 Logs │ 5 Server
                ┌ 1 Toggles 4 ─────────────────────────────────────────────────────────────────┐
                │  Name▲                State  Release Fingerprint        Override Last change │
                │  betaCheckout         ON     10.0    John S,Stephanie B                      │
                │* darkMode             ON     2.10    Stephanie B                             │
                │  legacyPayments       ?maybe 1.9                                             │
                │  useNewAlgorithm      ON     2.5     John S             fb-user  alice 2m ago│
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                └──────────────────────────────────────────────────────────────────────────────┘
                 staging │ connected │ data 1s ago · poll 8ms │ 127.0.0.1:6379 │ Redis 7.0.15 │…
                 darkMode flipped elsewhere: now ON
                """)
        let theme = Theme.dark
        #expect(b[10, 4].style.bg == theme[.changedFlash].bg) // darkMode flashes...
        #expect(b[0, 4 + 0].symbol == "│" && b[1, 4].symbol == "*") // ...and says so in text
        #expect(b[10, 6].style.bg == theme[.selection].bg) // useNewAlgorithm selected
        #expect(b[24, 3].style.fg == theme[.toggleOn].fg) // ON in the on colour
        #expect(b[24, 5].style.fg == theme[.toggleUnknown].fg) // ?maybe in the unknown colour
        // Five seconds later the flash is over.
        var later = s
        _ = update(&later, .tick(Fixtures.at(7)))
        let after = Fixtures.screen(later, theme: .dark)
        #expect(after[10, 4].style.bg != theme[.changedFlash].bg && after[1, 4].symbol == " ")
    }

    @Test func tooSmallSaysSoInsteadOfGarbling() {
        var s = Fixtures.loaded(width: 50, height: 12)
        #expect(
            Fixtures.picture(Fixtures.screen(s)) == """





                  Terminal too small: need at least 60x16, have
                                      50x12





                """)
        _ = update(&s, .resized(width: 30, height: 5))
        #expect(
            Fixtures.picture(Fixtures.screen(s)) == """

                 Terminal too small: need at
                    least 60x16, have 30x5


                """)
    }

    @Test func flipDialogWithBlastRadiusAndReason() {
        var s = Self.togglesState()
        _ = s.press(.char(" "), .tab)
        _ = s.type("INC-42 rollback")
        _ = update(&s, .blastRadius(toggle: "useNewAlgorithm", reached: 12, total: 40, rule: nil))
        #expect(
            Fixtures.picture(Fixtures.screen(s)) == """
                 1 Toggles │ 2 Sessions │ 3 Errors │ 4 Logs │ 5 Server
                ┌ 1 Toggles 4 ─────────────────────────────────────────────────────────────────┐
                │  Name▲                State  Release Fingerprint        Override Last change │
                │  betaCheckout         ON     10.0    John S,Stephanie B                      │
                │* darkMode             ON     2.10    Stephanie B                             │
                │  legacyPayments       ?maybe 1.9                                             │
                │  useNe┌ Flip toggle ─────────────────────────────────────────────────┐ 2m ago│
                │       │ useNewAlgorithm                                              │       │
                │       │ True → False  (turns it OFF)                                 │       │
                │       │ Blast radius: 12 of 40 sessions lose it now                  │       │
                │       │                                                              │       │
                │       │ Reason (optional, Tab):                                      │       │
                │       │ INC-42 rollback                                              │       │
                │       │                                                              │       │
                │       │                  Enter confirm · Esc cancel · Tab next field │       │
                │       └──────────────────────────────────────────────────────────────┘       │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                └──────────────────────────────────────────────────────────────────────────────┘
                 staging │ connected │ data 1s ago · poll 8ms │ 127.0.0.1:6379 │ Redis 7.0.15 │…
                 darkMode flipped elsewhere: now ON
                """)
    }

    @Test func conflictShownInTheDialog() {
        var s = Self.togglesState()
        _ = s.press(.char(" "), .char("y"))
        let change = AuditSummary(actor: "bob", time: Fixtures.at(-3), old: "True", new: "False")
        _ = update(&s, .flipFinished(.conflict(toggle: "useNewAlgorithm", expected: "True", current: "False", lastChange: change)))
        #expect(
            Fixtures.picture(Fixtures.screen(s)) == """
                 1 Toggles │ 2 Sessions │ 3 Errors │ 4 Logs │ 5 Server
                ┌ 1 Toggles 4 ─────────────────────────────────────────────────────────────────┐
                │  Name▲                State  Release Fingerprint        Override Last change │
                │  betaCheckout         ON     10.0    John S,Stephanie B                      │
                │* darkMode             ON     2.10    Stephanie B                             │
                │  legac┌ Flip toggle ─────────────────────────────────────────────────┐       │
                │  useNe│ useNewAlgorithm                                              │ 2m ago│
                │       │ True → False  (turns it OFF)                                 │       │
                │       │                                                              │       │
                │       │ Changed meanwhile: now False (by bob at 18:03:30) — nothing  │       │
                │       │ written.                                                     │       │
                │       │ The table now shows the current value; flip again if still   │       │
                │       │ needed.                                                      │       │
                │       │                                                              │       │
                │       │                                                    Esc close │       │
                │       └──────────────────────────────────────────────────────────────┘       │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                └──────────────────────────────────────────────────────────────────────────────┘
                 staging │ connected │ data 1s ago · poll 8ms │ 127.0.0.1:6379 │ Redis 7.0.15 │…
                 darkMode flipped elsewhere: now ON
                """)
    }

    @Test func statusBarReconnectingStaleReadOnlyPaused() {
        var ro = Fixtures.server
        ro.readOnly = true
        var s = Fixtures.loaded(server: ro)
        _ = s.press(.char("4"), .char("p"))
        _ = update(&s, .pollFailed(error: "Connection refused", retryIn: 2, at: Fixtures.at(9)))
        _ = update(&s, .tick(Fixtures.at(10)))
        let b = Fixtures.screen(s)
        #expect(
            Fixtures.picture(b) == """
                 1 Toggles │ 2 Sessions │ 3 Errors │ 4 Logs │ 5 Server
                ┌ 4 Logs · PAUSED · 0 new (p resumes) ─────────────────────────────────────────┐
                │No log lines yet                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                └──────────────────────────────────────────────────────────────────────────────┘
                 staging │ reconnecting, retry in 1s │ data 10s ag…  STALE   READ-ONLY   PAUSED
                 p pause/resume · s severity · / filter · w wrap · : command · x export · ? help
                """)
        // Wider, nothing is cut: the error text and the endpoint show too.
        _ = update(&s, .resized(width: 180, height: 24))
        let wide = Fixtures.screen(s).lines()[22]
        #expect(
            wide.contains(
                "staging │ reconnecting, retry in 1s │ data 10s ago · poll 12ms │ Connection refused │ 127.0.0.1:6379 │ Redis 7.0.15 │ RediSearch 1.x │ 42 cmd/s "
            ))
        #expect(wide.hasSuffix("  STALE   READ-ONLY   PAUSED "))
    }

    @Test func logsWithFilterAndLossMarker() {
        var s = GridScreenTests.gridState()
        _ = update(&s, .resized(width: 80, height: 24))
        _ = s.press(.char("4"), .char("/"))
        _ = s.type("payment")
        let b = Fixtures.screen(s, theme: .dark)
        #expect(
            Fixtures.picture(b) == """
                 1 Toggles │ 2 Sessions │ 3 Errors │ 4 Logs │ 5 Server
                ┌ 4 Logs ──────────────────────────────────────────────────────────────────────┐
                │/ payment                                                                     │
                │18:03:28 ERR  checkout payment timed out                                      │
                │18:03:31 WARN api      slow payment provider ␛[31m                            │
                │⋯ ~40 entries may be missing between polls                                    │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                └──────────────────────────────────────────────────────────────────────────────┘
                 staging │ connected │ data just now · poll 10ms │ 127.0.0.1:6379 │ Redis 7.0.1…
                 source:NAME or text, filtered live · Enter keep · Esc clear · ^P/^N history
                """)
        let theme = Theme.dark
        #expect(b[24, 3].style.bg == theme[.highlight].bg && b[23, 3].style.bg != theme[.highlight].bg)
        #expect(b[10, 3].style.fg == theme[.sevError].fg)
    }

    @Test func sessionDetailMasksAndCountsDown() {
        var s = Fixtures.loaded()
        _ = s.press(.char("2"), .enter)
        let detail = SessionDetail(
            session: Fixtures.sessions[0], fetchedAt: Fixtures.t0,
            decisions: [
                DecisionRow(toggle: "useNewAlgorithm", enabled: true, reason: "targeted: authType=fb-user"),
                DecisionRow(toggle: "darkMode", enabled: false, reason: "disabled"),
                DecisionRow(toggle: "betaCheckout", enabled: true, reason: "enabled for all"),
                DecisionRow(toggle: "legacyPayments", enabled: nil, reason: "unknown value"),
            ])
        _ = update(&s, .sessionDetailLoaded(.loaded(detail)))
        _ = update(&s, .tick(Fixtures.at(65)))
        #expect(
            Fixtures.picture(Fixtures.screen(s)) == """
                 1 Toggles │ 2 Sessions │ 3 Errors │ 4 Logs │ 5 Server
                ┌ 2 Session session:4156e021:1234 ─────────────────────────────────────────────┐
                │TTL  58m55s                                                                   │
                │Fields  (e-mail and phone masked, m reveals)                                  │
                │  name      John Smith                                                        │
                │  email     j•••••••@jsmith.com                                               │
                │  phone     •••-•••-2222                                                      │
                │  authType  fb-user                                                           │
                │                                                                              │
                │Toggles for this session                                                      │
                │  ON   useNewAlgorithm  targeted: authType=fb-user                            │
                │  OFF  darkMode         disabled                                              │
                │  ON   betaCheckout     enabled for all                                       │
                │  ?    legacyPayments   unknown value                                         │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                └──────────────────────────────────────────────────────────────────────────────┘
                 staging │ connected │ data 1m ago · poll 12ms │ 127.0.0.1:6379 │ Redis…  STALE
                 Esc back · m mask/reveal · j/k scroll · r reload · : command · q quit · ? help
                """)
        _ = s.press(.char("m"))
        let revealed = Fixtures.screen(s).lines()
        #expect(revealed[5].hasPrefix("│  email     john.smith@jsmith.com "))
        #expect(revealed[6].hasPrefix("│  phone     718-111-2222 "))
    }

    @Test func errorDetailShowsTheWholeBody() {
        var s = GridScreenTests.gridState()
        _ = s.press(.enter)
        _ = update(&s, .resized(width: 80, height: 24))
        let b = Fixtures.screen(s, theme: .dark)
        // Searched words are highlighted in the detail too.
        #expect(b[14, 4].style.bg == Theme.dark[.highlight].bg && b[13, 4].style.bg != Theme.dark[.highlight].bg)
        #expect(
            Fixtures.picture(b) == """
                 1 Toggles │ 2 Sessions │ 3 Errors │ 4 Logs │ 5 Server
                ┌ 3 Errors · useNewAlgorithm:03-12-19-10-32-05 ────────────────────────────────┐
                │Time         03-12 10:32:05                                                   │
                │Toggle       useNewAlgorithm = True                                           │
                │Fingerprint  John S,Stephanie B                                               │
                │t jumps to the toggle · j/k scroll · Esc back                                 │
                │                                                                              │
                │Exception in thread "main" java.lang.ArrayIndexOutOfBoundsException: 5        │
                │    at Algo.run(Algo.java:42)                                                 │
                │    at Main.main(Main.java:7)                                                 │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                └──────────────────────────────────────────────────────────────────────────────┘
                 staging │ connected │ data just now · poll 10ms │ 127.0.0.1:6379 │ Redis 7.0.1…
                 Esc back · j/k scroll · t its toggle · : command · x export · q quit · ? help
                """)
    }
}
