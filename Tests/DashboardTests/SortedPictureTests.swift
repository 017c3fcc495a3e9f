import Foundation
import Testing
@testable import Dashboard

/// Issue 25: literal pictures at 80x24, 120x40 and 200x56 of a sorted table (Toggles by
/// release, `o` once) with its ▲ and the hint row fitted to the width.
@Suite struct SortedPictureTests {
    static func sorted(width: Int, height: Int) -> String {
        var s = Fixtures.loaded(width: width, height: height)
        _ = s.press(.char("o"))
        s.flash = nil
        return Fixtures.picture(Fixtures.screen(s))
    }

    @Test func at80x24() {
        #expect(
            Self.sorted(width: 80, height: 24) == """
                 1 Toggles │ 2 Sessions │ 3 Errors │ 4 Logs │ 5 Server
                ┌ 1 Toggles 4 · by release ────────────────────────────────────────────────────┐
                │  Name                State  Release▲ Fingerprint        Override Last change │
                │  legacyPayments      ?maybe 1.9                                              │
                │  useNewAlgorithm     ON     2.5      John S             fb-user  alice 2m ago│
                │  darkMode            OFF    2.10     Stephanie B                             │
                │  betaCheckout        ON     10.0     John S,Stephanie B                      │
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
                 staging │ connected │ data just now · poll 12ms │ 127.0.0.1:6379 │ Redis 7.0.1…
                 Space flip · Enter details · e its errors · / filter · o/O sort · ? help
                """)
    }

    @Test func at120x40() {
        #expect(
            Self.sorted(width: 120, height: 40) == """
                 1 Toggles │ 2 Sessions │ 3 Errors │ 4 Logs │ 5 Server
                ┌ 1 Toggles 4 · by release ────────────────────────────────┐┌ 2 Sessions 2 ────────────────────────────────────────────┐
                │  Name               State  Release▲ Override Last change ││Key                   Auth type Name                   TTL│
                │  legacyPayments     ?maybe 1.9                           ││session:4156e021:1234 fb-user   John Smith           1h00m│
                │  useNewAlgorithm    ON     2.5      fb-user  alice 2m ago││session:99aa:77       email     Ana Lee               none│
                │  darkMode           OFF    2.10                          ││                                                          │
                │  betaCheckout       ON     10.0                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                │                                                          ││                                                          │
                └──────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────┘
                 staging │ connected │ data just now · poll 12ms │ 127.0.0.1:6379 │ Redis 7.0.15 │ RediSearch 1.x │ 42 cmd/s
                 Space flip · Enter details · e its errors · / filter · o/O sort · : command · x export · [/] window · q quit · ? help
                """)
    }

    @Test func at200x56() {
        #expect(
            Self.sorted(width: 200, height: 56) == """
                ┌ 1 Toggles 4 · by release ────────────────────────────────────────────────────────────────────────┐┌ 2 Sessions 2 ────────────────────────────────────────────────────────────────────────────────────┐
                │  Name                                    State  Release▲ Fingerprint        Override Last change ││Key                   Auth type Name                                                           TTL│
                │  legacyPayments                          ?maybe 1.9                                              ││session:4156e021:1234 fb-user   John Smith                                                   1h00m│
                │  useNewAlgorithm                         ON     2.5      John S             fb-user  alice 2m ago││session:99aa:77       email     Ana Lee                                                       none│
                │  darkMode                                OFF    2.10     Stephanie B                             ││                                                                                                  │
                │  betaCheckout                            ON     10.0     John S,Stephanie B                      ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                └──────────────────────────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────────────────────────────────────────┘
                ┌ 3 Errors (last 15m) ─────────────────────────────────────────────────────────────────────────────┐┌ 4 Logs ──────────────────────────────────────────────────────────────────────────────────────────┐
                │Search: / to search by toggle, developer or exception text                                        ││No log lines yet                                                                                  │
                │Enter runs the search; words are matched, symbols ignored                                         ││                                                                                                  │
                │When      Toggle Fingerprint Exception                                                            ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │                                                                                                  ││                                                                                                  │
                │Per toggle: useNewAlgorithm 3 · darkMode 1                                                        ││                                                                                                  │
                └──────────────────────────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────────────────────────────────────────┘
                 staging │ connected │ data just now · poll 12ms │ 127.0.0.1:6379 │ Redis 7.0.15 │ RediSearch 1.x │ 42 cmd/s
                 Space flip · Enter details · e its errors · / filter · o/O sort · : command · x export · [/] window · q quit · Tab/1-5 pane · ? help
                """)
    }
}
