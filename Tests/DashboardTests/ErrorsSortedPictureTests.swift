import Foundation
import Testing
@testable import Dashboard

/// Issue 25: literal pictures at 80x24, 120x40 and 200x56 of the sorted Errors groups (by last
/// seen, reversed: `o` then `O`) with the Errors hint row; at 200x56 the Sessions table beside
/// is sorted too (by auth type, `o`). `SortedPictureTests` has the Toggles table.
@Suite struct ErrorsSortedPictureTests {
    static func sorted(width: Int, height: Int) -> String {
        var s = ErrorsSortTests.grouped()
        s.width = width
        s.height = height
        _ = s.press(.char("2"), .char("o"), .char("3"), .char("o"), .char("O"))
        s.flash = nil
        return Fixtures.picture(Fixtures.screen(s))
    }

    @Test func at80x24() {
        #expect(Self.sorted(width: 80, height: 24) == Self.expected80)
    }

    @Test func at120x40() {
        #expect(Self.sorted(width: 120, height: 40) == Self.expected120)
    }

    @Test func at200x56() {
        #expect(Self.sorted(width: 200, height: 56) == Self.expected200)
    }
}

extension ErrorsSortedPictureTests {
    static let expected80 = """
         1 Toggles │ 2 Sessions │ 3 Errors │ 4 Logs │ 5 Server
        ┌ 3 Errors (last 15m, 3 groups, by last seen, reversed) ───────────────────────┐
        │Search: / to search by toggle, developer or exception text                    │
        │Enter runs the search; words are matched, symbols ignored                     │
        │Count Last▼   Trend        Toggle          Exception                          │
        │    2 11m ago ██           darkMode        payment timed out after 30s        │
        │   30 2m ago      ▂▄██▆▂   useNewAlgorithm ArrayIndexOutOfBoun… · Cart.java:88│
        │    7 30s ago           ▆█ betaCheckout    NullPointerException               │
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
        │Per toggle: useNewAlgorithm 3 · darkMode 1                                    │
        └──────────────────────────────────────────────────────────────────────────────┘
         staging │ connected │ data just now · poll 10ms │ 127.0.0.1:6379 │ Redis 7.0.1…
         / search · Enter details · v groups/all · t its toggle · o/O sort · ? help
        """
    static let expected120 = """
         1 Toggles │ 2 Sessions │ 3 Errors │ 4 Logs │ 5 Server
        ┌ 3 Errors (last 15m, 3 groups, by last seen, reversed) ───┐┌ 4 Logs ──────────────────────────────────────────────────┐
        │Search: / to search by toggle, developer or exception text││No log lines yet                                          │
        │Enter runs the search; words are matched, symbols ignored ││                                                          │
        │Count Last▼   Trend        Toggle          Exception      ││                                                          │
        │    2 11m ago ██           darkMode        payment timed …││                                                          │
        │   30 2m ago      ▂▄██▆▂   useNewAlgorithm ArrayIndexOutO…││                                                          │
        │    7 30s ago           ▆█ betaCheckout    NullPointerExc…││                                                          │
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
        │Per toggle: useNewAlgorithm 3 · darkMode 1                ││                                                          │
        └──────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────┘
         staging │ connected │ data just now · poll 10ms │ 127.0.0.1:6379 │ Redis 7.0.15 │ RediSearch 1.x │ 42 cmd/s
         / search · Enter details · v groups/all · t its toggle · o/O sort · : command · x export · [/] window · q quit · ? help
        """
    static let expected200 = """
        ┌ 1 Toggles 4 · errors last 15m ───────────────────────────────────────────────────────────────────┐┌ 2 Sessions 2 · by auth type ─────────────────────────────────────────────────────────────────────┐
        │  Name▲                        State  Errors      Release Fingerprint        Override Last change ││Key                   Auth type▲ Name                                                          TTL│
        │  betaCheckout                 ON                 10.0    John S,Stephanie B                      ││session:99aa:77       email      Ana Lee                                                      none│
        │  darkMode                     OFF       2 █      2.10    Stephanie B                             ││session:4156e021:1234 fb-user    John Smith                                                  1h00m│
        │  legacyPayments               ?maybe             1.9                                             ││                                                                                                  │
        │! useNewAlgorithm              ON       30   ▃█▄  2.5     John S             fb-user  alice 2m ago││                                                                                                  │
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
        ┌ 3 Errors (last 15m, 3 groups, by last seen, reversed) ───────────────────────────────────────────┐┌ 4 Logs ──────────────────────────────────────────────────────────────────────────────────────────┐
        │Search: / to search by toggle, developer or exception text                                        ││No log lines yet                                                                                  │
        │Enter runs the search; words are matched, symbols ignored                                         ││                                                                                                  │
        │Count Last▼   Trend        Toggle          Exception                                              ││                                                                                                  │
        │    2 11m ago ██           darkMode        payment timed out after 30s                            ││                                                                                                  │
        │   30 2m ago      ▂▄██▆▂   useNewAlgorithm ArrayIndexOutOfBoundsException: Index 5… · Cart.java:88││                                                                                                  │
        │    7 30s ago           ▆█ betaCheckout    NullPointerException                                   ││                                                                                                  │
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
         staging │ connected │ data just now · poll 10ms │ 127.0.0.1:6379 │ Redis 7.0.15 │ RediSearch 1.x │ 42 cmd/s
         / search · Enter details · v groups/all · t its toggle · o/O sort · : command · x export · [/] window · q quit · Tab/1-5 pane · ? help
        """
}
