/// The status bar's content: where we are connected, how fresh the data is, and badges.
/// Stateless; main queue.
enum StatusLine {
    static func bar(_ state: AppState, theme: Theme) -> StatusBar {
        let base = theme[.statusBar]
        var left: [Span] = []
        let sep = Span(" │ ", style: base)
        if let server = state.server {
            var place = ""
            if let context = server.contextName { place += SafeText.line(context, width: 20) + " @ " }
            place += SafeText.line(server.endpoint, width: 40)
            left.append(Span(" " + place))
        } else {
            left.append(Span(" opsdeck"))
        }
        left.append(sep)
        switch state.connection {
        case .connecting:
            left.append(Span("connecting…"))
        case .connected:
            left.append(Span("connected"))
        case .reconnecting(let error, let retryAt):
            let wait = Int(max(0, retryAt.timeIntervalSince(state.now)).rounded(.up))
            let retry = wait > 0 ? "retry in \(wait)s" : "retrying"
            left.append(Span("reconnecting… \(retry): \(SafeText.line(error, width: 40))", style: theme[.error].patch(Style(bg: base.bg))))
        }
        if let age = state.dataAge {
            var fresh = "data " + (age < 1 ? "just now" : Formatting.age(age) + " ago")
            if let ms = state.lastPollDuration { fresh += " · poll \(Int((ms * 1000).rounded()))ms" }
            left.append(sep)
            left.append(Span(fresh))
        }
        if let server = state.server {
            if let version = server.version {
                left.append(sep)
                left.append(Span("Redis " + SafeText.line(version, width: 16)))
            }
            left.append(sep)
            let search = server.searchModule == "none" ? "search: client-side" : SafeText.line(server.searchModule, width: 20)
            left.append(Span(search))
        }
        if let cps = state.commandsPerSecond {
            left.append(sep)
            left.append(Span("\(Int(cps.rounded())) cmd/s"))
        }
        var right: [Span] = []
        if state.isStale { right.append(StatusBar.badge("STALE", style: theme[.badgeStale])) }
        if state.production { right.append(StatusBar.badge("PROD", style: theme[.badgeStale])) }
        if state.readOnly { right.append(StatusBar.badge("READ-ONLY", style: theme[.badgeReadOnly])) }
        if state.logs.paused { right.append(StatusBar.badge("PAUSED", style: theme[.badgePaused])) }
        return StatusBar(left: left, right: right, style: base)
    }
}
