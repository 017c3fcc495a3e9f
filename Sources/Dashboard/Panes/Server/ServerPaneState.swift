import Foundation

/// What the Server pane remembers: the latest part of each database, each server's ops/s
/// history (for its sparkline) and the scroll. A plain value owned by `AppState` on the main
/// queue.
public struct ServerPaneState: PaneState {
    public static var pane: Pane { .server }
    /// Samples of ops/s kept per server: the sparkline's width.
    public static let historyLength = 30

    /// The latest of each database's parts, by `ServerPart.database`, fields merged (a part
    /// that did not read something keeps the previous value).
    public private(set) var databases: [String: ServerPart] = [:]
    /// Ops/s per server address, oldest first.
    public private(set) var opsHistory: [String: [Int]] = [:]
    public var scroll = 0

    public init() {}

    /// True once a part arrived.
    public var loaded: Bool { !databases.isEmpty }

    mutating func take(_ part: ServerPart) {
        var merged = databases[part.database] ?? ServerPart(database: part.database)
        if let nodes = part.nodes {
            merged.nodes = nodes
            for node in nodes {
                guard let ops = node.opsPerSecond else { continue }
                opsHistory[node.address, default: []].append(ops)
                if opsHistory[node.address]!.count > Self.historyLength { opsHistory[node.address]!.removeFirst() }
            }
        }
        if let cluster = part.cluster { merged.cluster = cluster }
        if let slow = part.slowLog { merged.slowLog = slow }
        if let peers = part.peers { merged.peers = peers }
        merged.failures = part.failures
        databases[part.database] = merged
    }

    /// The other dashboards on any of the databases, each once (the first database's entry,
    /// flipping if any says so), sorted by who.
    public var peers: [Peer] {
        var byDashboard: [String: Peer] = [:]
        for peer in databases.keys.sorted().flatMap({ databases[$0]?.peers ?? [] }) {
            let key = peer.who + "\u{0}" + peer.instance
            var kept = byDashboard[key] ?? peer
            kept.flipping = kept.flipping ?? peer.flipping
            byDashboard[key] = kept
        }
        return byDashboard.values.sorted { ($0.who, $0.instance) < ($1.who, $1.instance) }
    }

    /// Others who have `toggle`'s flip dialog open now.
    public func othersFlipping(_ toggle: String) -> [Peer] { peers.filter { $0.flipping == toggle } }
}

extension AppState {
    /// The Server pane's state (kept in `paneStates`).
    public var serverPane: ServerPaneState {
        get { paneStates[ServerPaneState.self] }
        set { paneStates[ServerPaneState.self] = newValue }
        _modify { yield &paneStates[ServerPaneState.self] }
    }
}
