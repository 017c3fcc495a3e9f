import Foundation
import Testing
@testable import Dashboard

/// The Server pane, drawn without a terminal: a 3-master cluster with a replica each, its slow
/// log and two other dashboards, at 80x24 (a tab) and 160x48 (a tab beside the grid).
@Suite struct ServerPaneScreenTests {
    static func node(_ port: Int, ops: Int, used: Int, evicted: Int = 0) -> ServerNode {
        var node = ServerNode(address: "127.0.0.1:\(port)")
        node.opsPerSecond = ops
        node.usedMemory = used
        node.maxMemory = 100 * 1_048_576
        node.evictionPolicy = "allkeys-lru"
        node.evictedKeys = evicted
        node.expiredKeys = 12
        node.hitRatio = 0.982
        node.connectedClients = 7
        node.blockedClients = port == 30_002 ? 2 : 0
        node.replicas = ["127.0.0.1:\(port + 3) online · lag \(port == 30_002 ? 4 : 0)s"]
        return node
    }

    static let slowLog = [
        SlowEntry(id: 9, time: Fixtures.at(-4), micros: 12_345, command: "HGETALL", argumentCount: 1, server: "127.0.0.1:30001"),
        SlowEntry(id: 8, time: Fixtures.at(-30), micros: 850, command: "SCAN", argumentCount: 5, server: "127.0.0.1:30003"),
    ]

    static let peers = [
        Peer(who: "bob@laptop", flipping: "useNewAlgorithm", address: "10.0.0.7:51234", idle: 3),
        Peer(who: "carol@ops-1", address: "10.0.0.9:40022", idle: 65),
    ]

    /// Two reads (the sparkline needs a history), the cluster shape known, Server focused. Read
    /// while the pane was off screen, they changed nothing shown: the bar keeps the first poll's
    /// duration (issue 28).
    static func state(width: Int, height: Int) -> AppState {
        var s = Fixtures.loaded(width: width, height: height)
        var snapshot = DashboardSnapshot()
        snapshot.topology = "cluster · 3 masters"
        for (i, ops) in [(0, 120), (1, 480)] {
            snapshot[ServerPart.self] = ServerPart(
                nodes: [
                    node(30_001, ops: ops, used: 91 * 1_048_576, evicted: 1_234), node(30_002, ops: ops / 2, used: 5 * 1_048_576),
                    node(30_003, ops: 0, used: 1_048_576),
                ],
                cluster: ClusterHealth(state: "ok", slotsAssigned: 16_384, slotsOK: 16_384, knownNodes: 6),
                slowLog: slowLog, peers: peers)
            _ = update(&s, .pollSucceeded(snapshot, duration: 0.01, at: Fixtures.at(Double(i))))
        }
        _ = s.press(.char("5"))
        return s
    }

    @Test func clusterAt80x24() {
        let picture = Fixtures.picture(Fixtures.screen(Self.state(width: 80, height: 24)))
        #expect(
            picture == """
                 1 Toggles │ 2 Sessions │ 3 Errors │ 4 Logs │ 5 Server
                ┌ 5 Server · 3 servers · 2 other opsdeck users ────────────────────────────────┐
                │Deployment cluster · 3 masters · no failover seen                             │
                │127.0.0.1:30001 master · ops/s 480 ▂█ · clients 7 (0 blocked)                 │
                │  memory 91.0 MB of 100.0 MB (91%) · allkeys-lru · evicted 1,234              │
                │  expired 12 · hits 98.2% · replicas: 127.0.0.1:30004 online · lag 0s         │
                │127.0.0.1:30002 master · ops/s 240 ▂█ · clients 7 (2 blocked)                 │
                │  memory 5.0 MB of 100.0 MB (5%) · allkeys-lru · evicted 0                    │
                │  expired 12 · hits 98.2% · replicas: 127.0.0.1:30005 online · lag 4s         │
                │127.0.0.1:30003 master · ops/s 0    · clients 7 (0 blocked)                   │
                │  memory 1.0 MB of 100.0 MB (1%) · allkeys-lru · evicted 0                    │
                │  expired 12 · hits 98.2% · replicas: 127.0.0.1:30006 online · lag 0s         │
                │Cluster ok · 16,384 of 16,384 slots served · 6 nodes                          │
                │                                                                              │
                │Slow log, newest first (command names only)                                   │
                │  18:03:29  12.3 ms  HGETALL ‹1 arg›  127.0.0.1:30001                         │
                │  18:03:03  850 µs  SCAN ‹5 args›  127.0.0.1:30003                            │
                │                                                                              │
                │Other opsdeck users here                                                      │
                │  bob@laptop · flip dialog open: useNewAlgorithm · idle 3s · from 10.0.0.7:51…│
                │  carol@ops-1 · idle 1m · from 10.0.0.9:40022                                 │
                └──────────────────────────────────────────────────────────────────────────────┘
                 staging │ connected │ data just now · poll 12ms │ 127.0.0.1:6379 │ cluster · 3…
                 j/k scroll · r reload · : command · x export · [/] window · q quit · ? help
                """)
    }

    @Test func clusterAt160x48() {
        let picture = Fixtures.picture(Fixtures.screen(Self.state(width: 160, height: 48)))
        #expect(
            picture == """
                 1 Toggles │ 2 Sessions │ 3 Errors │ 4 Logs │ 5 Server
                ┌ 5 Server · 3 servers · 2 other opsdeck users ────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐
                │Deployment cluster · 3 masters · no failover seen                                                                                                             │
                │127.0.0.1:30001 master · ops/s 480 ▂█ · clients 7 (0 blocked)                                                                                                 │
                │  memory 91.0 MB of 100.0 MB (91%) · allkeys-lru · evicted 1,234                                                                                              │
                │  expired 12 · hits 98.2% · replicas: 127.0.0.1:30004 online · lag 0s                                                                                         │
                │127.0.0.1:30002 master · ops/s 240 ▂█ · clients 7 (2 blocked)                                                                                                 │
                │  memory 5.0 MB of 100.0 MB (5%) · allkeys-lru · evicted 0                                                                                                    │
                │  expired 12 · hits 98.2% · replicas: 127.0.0.1:30005 online · lag 4s                                                                                         │
                │127.0.0.1:30003 master · ops/s 0    · clients 7 (0 blocked)                                                                                                   │
                │  memory 1.0 MB of 100.0 MB (1%) · allkeys-lru · evicted 0                                                                                                    │
                │  expired 12 · hits 98.2% · replicas: 127.0.0.1:30006 online · lag 0s                                                                                         │
                │Cluster ok · 16,384 of 16,384 slots served · 6 nodes                                                                                                          │
                │                                                                                                                                                              │
                │Slow log, newest first (command names only)                                                                                                                   │
                │  18:03:29  12.3 ms  HGETALL ‹1 arg›  127.0.0.1:30001                                                                                                         │
                │  18:03:03  850 µs  SCAN ‹5 args›  127.0.0.1:30003                                                                                                            │
                │                                                                                                                                                              │
                │Other opsdeck users here                                                                                                                                      │
                │  bob@laptop · flip dialog open: useNewAlgorithm · idle 3s · from 10.0.0.7:51234                                                                              │
                │  carol@ops-1 · idle 1m · from 10.0.0.9:40022                                                                                                                 │
                │                                                                                                                                                              │
                │                                                                                                                                                              │
                │                                                                                                                                                              │
                │                                                                                                                                                              │
                │                                                                                                                                                              │
                │                                                                                                                                                              │
                │                                                                                                                                                              │
                │                                                                                                                                                              │
                │                                                                                                                                                              │
                │                                                                                                                                                              │
                │                                                                                                                                                              │
                │                                                                                                                                                              │
                │                                                                                                                                                              │
                │                                                                                                                                                              │
                │                                                                                                                                                              │
                │                                                                                                                                                              │
                │                                                                                                                                                              │
                │                                                                                                                                                              │
                │                                                                                                                                                              │
                │                                                                                                                                                              │
                │                                                                                                                                                              │
                │                                                                                                                                                              │
                │                                                                                                                                                              │
                │                                                                                                                                                              │
                └──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
                 staging │ connected │ data just now · poll 12ms │ 127.0.0.1:6379 │ cluster · 3 masters │ Redis 7.0.15 │ RediSearch 1.x │ 42 cmd/s
                 j/k scroll · r reload · : command · x export · [/] window · q quit · Tab/1-5 pane · ? help
                """)
    }

    /// Someone else's open dialog for the same toggle (their connection's name says so) is
    /// said in this one's dialog; another toggle's is not.
    @Test func theFlipDialogWarnsWhenSomeoneElseHasTheSameToggleOpen() {
        var s = Fixtures.loaded()
        _ = update(&s, .pollSucceeded(DashboardSnapshot([ServerPart(peers: Self.peers)]), duration: 0.01, at: Fixtures.at(1)))
        _ = s.press(.char("G"), .char(" "))
        #expect(s.dialog?.toggle == "useNewAlgorithm")
        let open = Fixtures.picture(Fixtures.screen(s))
        #expect(open.contains("│ Also open by bob@laptop: agree who flips it"), "\(open)")
        _ = s.press(.escape, .char("g"), .char(" "))
        #expect(s.dialog?.toggle == "betaCheckout")
        #expect(!Fixtures.picture(Fixtures.screen(s)).contains("Also open by"))
    }

    /// Names, addresses, commands and toggles come from Redis: never raw on screen.
    @Test func textFromRedisIsMadeSafe() {
        var s = Fixtures.loaded()
        let evil = "\u{1B}[2J\u{1B}]0;pwned\u{07}"
        var node = ServerNode(address: "host" + evil, role: "master")
        node.evictionPolicy = "lru" + evil
        let part = ServerPart(
            nodes: [node],
            slowLog: [
                SlowEntry(
                    id: 1, time: Fixtures.t0, micros: 5, command: "GET" + evil,
                    argumentCount: 0, server: "x")
            ],
            peers: [Peer(who: "eve" + evil, flipping: "t" + evil, address: "a" + evil)])
        _ = update(&s, .pollSucceeded(DashboardSnapshot([part]), duration: 0.01, at: Fixtures.at(1)))
        _ = s.press(.char("5"))
        let screen = Fixtures.screen(s).lines().joined(separator: "\n")
        #expect(!screen.contains("\u{1B}") && !screen.contains("\u{07}"), "\(screen)")
        #expect(screen.contains("eve") && screen.contains("GET"), "\(screen)")
    }

    /// Movement keys scroll the pane's lines, and Esc goes back to the top.
    @Test func theLinesScroll() {
        var s = Self.state(width: 80, height: 20)
        _ = s.press(.char("j"), .char("j"))
        #expect(s.serverPane.scroll == 2)
        #expect(Fixtures.picture(Fixtures.screen(s)).split(separator: "\n")[2].contains("memory 91.0 MB"))
        _ = s.press(.char("G"))
        #expect(s.serverPane.scroll == ServerPane.lines(s, theme: .monochrome).count - s.listRows(for: .server))
        _ = s.press(.escape)
        #expect(s.serverPane.scroll == 0)
    }

    /// A tab at every size: focused, it has the screen under the tab bar; the grid keeps the
    /// four data panes; Tab goes on to Toggles.
    @Test func aTabAtEverySize() {
        for (width, height) in [(80, 24), (120, 40), (160, 48), (240, 70)] {
            let layout = ScreenLayout(width: width, height: height, focus: .server)
            #expect(Array(layout.panes.keys) == [.server] && layout.tabBar != nil, "\(width)x\(height)")
        }
        #expect(Set(ScreenLayout(width: 160, height: 48, focus: .toggles).panes.keys) == [.toggles, .sessions, .errors, .logs])
        var s = Self.state(width: 160, height: 48)
        _ = s.press(.tab)
        #expect(s.focus == .toggles && s.visiblePanes.count == 4)
    }
}
