/// The status bar's content. Ordered by what an on-call engineer needs first when the bar is
/// cut on a narrow terminal: which context, whether we are connected, how old the data is,
/// then endpoint, server version, search module and load. Badges on the right always show.
/// Stateless; main queue.
enum StatusLine {
    static func bar(_ state: AppState, theme: Theme) -> StatusBar {
        let base = theme[.statusBar]
        var parts: [[Span]] = []
        let server = state.server
        if let context = server?.contextName { parts.append([Span(SafeText.line(context, width: 20), style: Style(bold: true))]) }
        if state.isSplit {
            // One mark per pane's database: which panes are live is what matters first.
            parts.append(linkMarks(state, theme: theme, base: base))
        } else {
            parts.append(connectionPart(state, theme: theme, base: base))
        }
        // The oldest visible pane's data (split: each pane's own database; panes off screen
        // do not make the visible ones look old), error figures included (issue 23, bug 3).
        if let age = state.screenDataAge {
            var fresh = "data " + (age < 1 ? "just now" : Formatting.age(age) + " ago")
            if !state.isSplit, let seconds = state.lastPollDuration { fresh += " · poll \(Int((seconds * 1000).rounded()))ms" }
            // "live": the server reports changes as they happen; "polling (why)" otherwise.
            if let mode = state.isSplit ? splitUpdateMode(state) : state.updateMode { fresh += " · " + SafeText.line(mode, width: 48) }
            parts.append([Span(fresh)])
        }
        if !state.isSplit, case .reconnecting(let error, _) = state.connection {
            parts.append([Span(SafeText.line(error, width: 40))])
        }
        // A recent failover before the endpoint: on a narrow bar it must not be the part cut off.
        if let failover = state.lastFailover, state.now.timeIntervalSince(failover) < AppState.failoverShown {
            let age = max(0, state.now.timeIntervalSince(failover))
            parts.append([
                Span(
                    "failover " + (age < 1 ? "just now" : Formatting.age(age) + " ago"),
                    style: theme[.sevWarning].patch(Style(bg: base.bg)))
            ])
        }
        if let server {
            // Split: each pane names its own trouble; the endpoints would not fit beside the marks.
            if !state.isSplit { parts.append([Span(SafeText.line(server.endpoint, width: 40))]) }
            if let topology = server.topology { parts.append([Span(SafeText.line(topology, width: 48))]) }
            if let version = server.version {
                parts.append([Span("Redis " + SafeText.line(version, width: 16))])
            } else if let hint = state.notPermitted[.server] {
                parts.append([
                    Span(
                        "Redis version " + DataPart.notPermitted(SafeText.line(hint, width: 30)),
                        style: theme[.muted].patch(Style(bg: base.bg)))
                ])
            }
            // Before the first poll nothing is known about the search backend: claim nothing.
            if state.lastPollAt != nil {
                let search = server.searchModule == "none" ? "search: client-side" : SafeText.line(server.searchModule, width: 30)
                parts.append([Span(search)])
            }
        }
        if let cps = state.shownRate { parts.append([Span("\(Int(cps.rounded())) cmd/s")]) }
        var left: [Span] = [Span(" ")]
        for (i, part) in parts.enumerated() {
            if i > 0 { left.append(Span(" │ ", style: base)) }
            left.append(contentsOf: part)
        }
        var right: [Span] = []
        // Split: STALE here only when every pane is; a single stale pane says so in its place.
        let stale = state.isSplit ? linked(state).allSatisfy(state.isStale) : state.isStale
        if stale { right.append(StatusBar.badge("STALE", style: theme[.badgeStale])) }
        if state.server?.tlsInsecure == true { right.append(StatusBar.badge("TLS UNVERIFIED", style: theme[.badgeStale])) }
        if state.production { right.append(StatusBar.badge("PROD", style: theme[.badgeStale])) }
        if state.readOnly { right.append(StatusBar.badge("READ-ONLY", style: theme[.badgeReadOnly])) }
        if state.logs.paused { right.append(StatusBar.badge("PAUSED", style: theme[.badgePaused])) }
        return StatusBar(left: left, right: right, style: base)
    }

    /// `connected`, `connecting…` or `reconnecting, retry in 3s`: one database for every pane.
    private static func connectionPart(_ state: AppState, theme: Theme, base: Style) -> [Span] {
        switch state.connection {
        case .connecting:
            return [Span("connecting…")]
        case .connected:
            return [Span("connected")]
        case .reconnecting(_, let retryAt):
            let wait = Int(max(0, retryAt.timeIntervalSince(state.now)).rounded(.up))
            let text = wait > 0 ? "reconnecting, retry in \(wait)s" : "reconnecting…"
            return [Span(text, style: theme[.error].patch(Style(bg: base.bg)))]
        }
    }

    /// `toggles ● sessions ✕ errors ● logs ○`: each pane's database, in pane order. `●` up
    /// (`○` while stale), `…` connecting, `✕` down (in the error colour); the pane itself
    /// says why.
    /// The panes fed by one database of their own (a pane that reads every database, like
    /// Server, has no mark: the others' marks say it all).
    private static func linked(_ state: AppState) -> [Pane] { Pane.allCases.filter { state.link(of: $0) != nil } }

    private static func linkMarks(_ state: AppState, theme: Theme, base: Style) -> [Span] {
        var spans: [Span] = []
        for pane in linked(state) {
            if !spans.isEmpty { spans.append(Span(" ")) }
            let mark: Span
            switch state.connection(of: pane) {
            case .connecting: mark = Span("…")
            case .connected: mark = Span(state.isStale(pane) ? "○" : "●")
            case .reconnecting: mark = Span("✕", style: theme[.error].patch(Style(bg: base.bg, bold: true)))
            }
            spans += [Span(pane.title.lowercased() + " "), mark]
        }
        return spans
    }

    /// "live" when every database reports changes; otherwise which panes are polled, and why.
    private static func splitUpdateMode(_ state: AppState) -> String? {
        // A database that is down has its ✕; what it said about updates before is not current.
        let modes = state.links.filter { $0.connection == .connected }.compactMap { link in link.updateMode.map { (link, $0) } }
        guard !modes.isEmpty else { return nil }
        let polled = modes.filter { $0.1 != "live" }
        guard let first = polled.first else { return "live" }
        let panes = polled.flatMap { $0.0.panes }.sorted { $0.rawValue < $1.rawValue }.map { $0.title.lowercased() }
        return panes.joined(separator: ", ") + " " + first.1
    }
}
