/// Draws the whole dashboard for `state` into `buffer` (the Elm architecture's `view`). Pure:
/// the same state always gives the same cells, so tests compare screens with literal pictures.
/// Lays out for the buffer's size. Main queue.
public func render(_ state: AppState, theme: Theme, into buffer: inout ScreenBuffer) {
    buffer.fill(buffer.area, style: theme[.text])
    let layout = ScreenLayout(width: buffer.width, height: buffer.height, focus: state.focus)
    if layout.mode == .tooSmall {
        renderTooSmall(width: buffer.width, height: buffer.height, theme: theme, into: &buffer)
        return
    }
    if let tabs = layout.tabBar {
        TabBar(
            titles: tabTitles(state),
            selected: state.focus.rawValue,
            activeStyle: theme[.tabActive], inactiveStyle: theme[.tabInactive], style: theme[.text]
        )
        .render(area: tabs, buffer: &buffer)
    }
    for (pane, rect) in layout.panes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
        pane.behavior.render(state, theme: theme, area: rect, buffer: &buffer)
        PaneChrome.linkBanner(pane, state: state, theme: theme, area: rect, buffer: &buffer)
    }
    // The runtime compares the status bar's text itself (`FrameGate`): its ages are not noted.
    ClockHorizon.ignoring { StatusLine.bar(state, theme: theme) }.render(area: layout.status, buffer: &buffer)
    KeyHints.line(state, theme: theme).render(in: layout.hints, buffer: &buffer)
    if let dialog = state.dialog {
        FlipDialogView.render(dialog, state: state, theme: theme, area: layout.main, buffer: &buffer)
    }
    if let prompt = state.quitPrompt {
        QuitPromptView.render(prompt, state: state, theme: theme, area: layout.main, buffer: &buffer)
    }
    if state.helpVisible {
        HelpOverlay(keymap: state.keymap, scroll: state.helpScroll, theme: theme).render(area: layout.main, buffer: &buffer)
    }
}

/// Draws the status bar alone into `buffer`, the last frame drawn: what the runtime does when
/// `FrameGate` found only the bar's text changed (its rate, its data age), so the rest of the
/// screen, rendered again, would be the same cells (issue 28: a 240x70 render for one row).
public func renderStatusBar(_ state: AppState, theme: Theme, into buffer: inout ScreenBuffer) {
    let layout = ScreenLayout(width: buffer.width, height: buffer.height, focus: state.focus)
    guard layout.mode != .tooSmall else { return render(state, theme: theme, into: &buffer) }
    ClockHorizon.ignoring { StatusLine.bar(state, theme: theme) }.render(area: layout.status, buffer: &buffer)
}

/// Says how big the terminal must be instead of drawing a garbled dashboard.
func renderTooSmall(width: Int, height: Int, theme: Theme, into buffer: inout ScreenBuffer) {
    let text = "Terminal too small: need at least \(LayoutMode.minimumSize.width)x\(LayoutMode.minimumSize.height), have \(width)x\(height)"
    let lines = SafeText.wrap(text, width: max(1, width))
    let top = max(0, (height - lines.count) / 2)
    for (i, line) in lines.enumerated() {
        Line(line, style: theme[.error], alignment: .center)
            .render(in: Rect(x: 0, y: top + i, width: width, height: 1), buffer: &buffer)
    }
}
