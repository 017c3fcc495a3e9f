import Foundation

/// The Server pane: per server (every master of a cluster, the master behind Sentinel, each
/// database when split) its ops/s and their sparkline, memory against maxmemory and the
/// eviction policy, evicted and expired keys, hit ratio, clients, replication; the cluster's
/// state and slot coverage; the last failover; the newest slow-log entries (command names
/// only); and the other opsdeck users on this Redis. Read-only. Stateless: draws `AppState`
/// as lines that scroll (`j`/`k`). Main queue.
enum ServerPane {
    static func render(_ state: AppState, theme: Theme, area: Rect, buffer: inout ScreenBuffer) {
        let pane = state.serverPane
        let servers = servers(pane)
        var title = "5 Server"
        if servers > 1 { title += " · \(servers) servers" }
        let others = pane.peers.count
        if others > 0 { title += " · \(others) other opsdeck user" + (others == 1 ? "" : "s") }
        let inner = PaneChrome.block(title, pane: .server, state: state, theme: theme, area: area, buffer: &buffer)
        guard pane.loaded else {
            PaneChrome.beforeFirstPoll(state, pane: .server, theme: theme, tableArea: inner, header: 0, buffer: &buffer)
            return
        }
        PaneChrome.detail(lines(state, theme: theme), scroll: pane.scroll, theme: theme, area: inner, buffer: &buffer)
    }

    /// Everything the pane shows, top to bottom.
    static func lines(_ state: AppState, theme: Theme) -> [Line] {
        let pane = state.serverPane
        var out: [Line] = [deployment(state, theme: theme)]
        for name in pane.databases.keys.sorted() {
            guard let part = pane.databases[name] else { continue }
            if !name.isEmpty { out.append(Line("Database of " + SafeText.line(name, width: 60), style: theme[.title])) }
            if let nodes = part.nodes {
                for node in nodes { out += ServerNodeLines.lines(node, history: pane.opsHistory[node.address] ?? [], theme: theme) }
            } else {
                out.append(
                    denied(.serverStats, what: "server statistics", failure: part.failures[.serverStats], state: state, theme: theme))
            }
            if let cluster = part.cluster { out.append(clusterLine(cluster, theme: theme)) }
        }
        out.append(Line(""))
        out.append(Line("Slow log, newest first (command names only)", style: theme[.title]))
        let slow = pane.databases.values.compactMap(\.slowLog)
        if slow.isEmpty {
            out.append(denied(.slowLog, what: "slow log", failure: failure(.slowLog, pane), state: state, theme: theme))
        } else {
            let entries = slow.flatMap { $0 }.sorted { ($0.time, $0.id) > ($1.time, $1.id) }.prefix(10)
            if entries.isEmpty { out.append(Line("  empty", style: theme[.muted])) }
            let many = servers(pane) > 1
            for entry in entries { out.append(slowLine(entry, showServer: many, state: state, theme: theme)) }
        }
        out.append(Line(""))
        out.append(Line("Other opsdeck users here", style: theme[.title]))
        if pane.databases.values.allSatisfy({ $0.peers == nil }) {
            out.append(denied(.clientList, what: "client list", failure: failure(.clientList, pane), state: state, theme: theme))
        } else if pane.peers.isEmpty {
            out.append(Line("  none", style: theme[.muted]))
        }
        for peer in pane.peers { out.append(peerLine(peer, theme: theme)) }
        return out
    }

    /// "Deployment: cluster · 3 masters · last failover 2m ago".
    private static func deployment(_ state: AppState, theme: Theme) -> Line {
        let shape = state.server?.topology.map { SafeText.line($0, width: 60) } ?? "one server"
        let failover = state.lastFailover.map { "last failover " + Formatting.ago($0, now: state.now) } ?? "no failover seen"
        return Line([
            Span("Deployment ", style: theme[.muted]), Span(shape + " · ", style: theme[.text]),
            Span(failover, style: state.lastFailover == nil ? theme[.muted] : theme[.sevWarning]),
        ])
    }

    private static func clusterLine(_ cluster: ClusterHealth, theme: Theme) -> Line {
        var text =
            "\(SafeText.line(cluster.state, width: 10)) · \(Formatting.count(cluster.slotsOK)) of "
            + "\(Formatting.count(ClusterHealth.slotCount)) slots served"
        if cluster.slotsPFail + cluster.slotsFail > 0 {
            text += " · \(Formatting.count(cluster.slotsPFail)) maybe failing · \(Formatting.count(cluster.slotsFail)) failing"
        }
        text += " · \(cluster.knownNodes) nodes"
        return Line([
            Span("Cluster ", style: theme[.muted]),
            Span(text, style: cluster.isHealthy ? theme[.toggleOn] : theme[.error]),
        ])
    }

    private static func slowLine(_ entry: SlowEntry, showServer: Bool, state: AppState, theme: Theme) -> Line {
        let args = entry.argumentCount == 0 ? "" : " ‹\(entry.argumentCount) arg\(entry.argumentCount == 1 ? "" : "s")›"
        var spans = [
            Span("  " + Formatting.clock(entry.time, in: state.timeZone) + "  ", style: theme[.muted]),
            Span(ServerNodeLines.duration(entry.micros) + "  ", style: theme[.sevWarning]),
            Span(SafeText.line(entry.command, width: 30), style: theme[.text]),
            Span(args, style: theme[.muted]),
        ]
        if showServer { spans.append(Span("  " + SafeText.line(entry.server, width: 40), style: theme[.muted])) }
        return Line(spans)
    }

    private static func peerLine(_ peer: Peer, theme: Theme) -> Line {
        var spans = [Span("  " + SafeText.line(peer.who, width: 40), style: theme[.text])]
        if let toggle = peer.flipping {
            spans.append(Span(" · flip dialog open: " + SafeText.line(toggle, width: 40), style: theme[.sevWarning]))
        }
        spans.append(
            Span(
                " · idle " + Formatting.age(Double(peer.idle)) + " · from " + SafeText.line(peer.address, width: 40),
                style: theme[.muted]))
        return Line(spans)
    }

    /// What stands in place of a part that was not read: the ACL's refusal, another error,
    /// or that it is coming.
    private static func denied(_ part: DataPart, what: String, failure: String?, state: AppState, theme: Theme) -> Line {
        if let hint = state.notPermitted[part] {
            return Line("  " + DataPart.notPermitted(SafeText.line(hint, width: 60)), style: theme[.error])
        }
        if let failure { return Line("  could not read the \(what): " + SafeText.line(failure, width: 100), style: theme[.error]) }
        return Line("  no \(what) read yet", style: theme[.muted])
    }

    /// The first database's failure to read `part`, if any.
    private static func failure(_ part: DataPart, _ pane: ServerPaneState) -> String? {
        pane.databases.keys.sorted().lazy.compactMap { pane.databases[$0]?.failures[part] }.first
    }

    private static func servers(_ pane: ServerPaneState) -> Int {
        pane.databases.values.reduce(0) { $0 + ($1.nodes?.count ?? 0) }
    }
}
