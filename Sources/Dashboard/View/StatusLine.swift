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
        switch state.connection {
        case .connecting:
            parts.append([Span("connecting…")])
        case .connected:
            parts.append([Span("connected")])
        case .reconnecting(_, let retryAt):
            let wait = Int(max(0, retryAt.timeIntervalSince(state.now)).rounded(.up))
            let text = wait > 0 ? "reconnecting, retry in \(wait)s" : "reconnecting…"
            parts.append([Span(text, style: theme[.error].patch(Style(bg: base.bg)))])
        }
        if let age = state.dataAge {
            var fresh = "data " + (age < 1 ? "just now" : Formatting.age(age) + " ago")
            if let seconds = state.lastPollDuration { fresh += " · poll \(Int((seconds * 1000).rounded()))ms" }
            // "live": the server reports changes as they happen; "polling (why)" otherwise.
            if let mode = state.updateMode { fresh += " · " + SafeText.line(mode, width: 48) }
            parts.append([Span(fresh)])
        }
        if case .reconnecting(let error, _) = state.connection {
            parts.append([Span(SafeText.line(error, width: 40))])
        }
        if let server {
            parts.append([Span(SafeText.line(server.endpoint, width: 40))])
            if let topology = server.topology { parts.append([Span(SafeText.line(topology, width: 30))]) }
            if let version = server.version {
                parts.append([Span("Redis " + SafeText.line(version, width: 16))])
            } else if let hint = state.notPermitted[.server] {
                parts.append([Span("Redis version " + DataPart.notPermitted(SafeText.line(hint, width: 30)), style: theme[.muted].patch(Style(bg: base.bg)))])
            }
            // Before the first poll nothing is known about the search backend: claim nothing.
            if state.lastPollAt != nil {
                let search = server.searchModule == "none" ? "search: client-side" : SafeText.line(server.searchModule, width: 30)
                parts.append([Span(search)])
            }
        }
        if let cps = state.commandsPerSecond { parts.append([Span("\(Int(cps.rounded())) cmd/s")]) }
        var left: [Span] = [Span(" ")]
        for (i, part) in parts.enumerated() {
            if i > 0 { left.append(Span(" │ ", style: base)) }
            left.append(contentsOf: part)
        }
        var right: [Span] = []
        if state.isStale { right.append(StatusBar.badge("STALE", style: theme[.badgeStale])) }
        if state.server?.tlsInsecure == true { right.append(StatusBar.badge("TLS UNVERIFIED", style: theme[.badgeStale])) }
        if state.production { right.append(StatusBar.badge("PROD", style: theme[.badgeStale])) }
        if state.readOnly { right.append(StatusBar.badge("READ-ONLY", style: theme[.badgeReadOnly])) }
        if state.logs.paused { right.append(StatusBar.badge("PAUSED", style: theme[.badgePaused])) }
        return StatusBar(left: left, right: right, style: base)
    }
}
