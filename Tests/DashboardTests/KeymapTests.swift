import Testing
@testable import Dashboard

@Suite struct KeymapTests {
    @Test func noTwoBindingsShareAKeyInOneContext() {
        let conflicts = Keymap.standard.conflicts.map { "\($0.0.context): \($0.0.keyLabel) vs \($0.1.keyLabel)" }
        #expect(conflicts.isEmpty, "\(conflicts)")
    }

    @Test func conflictDetectionWorks() {
        let map = Keymap([KeyBinding([.char("a")], .quit, "Quit", context: .global),
                          KeyBinding([.char("b"), .char("a")], .help, "Help", context: .global),
                          KeyBinding([.char("a")], .flipToggle, "Flip", context: .toggles)])
        #expect(map.conflicts.count == 1)
    }

    @Test func lookupPrefersSpecificContext() {
        let map = Keymap.standard
        #expect(map.action(for: .char(" "), in: [.toggles, .global]) == .flipToggle)
        #expect(map.action(for: .char("/"), in: [.errors, .global]) == .editSearch)
        #expect(map.action(for: .char("/"), in: [.logs, .global]) == .filter)
        #expect(map.action(for: .enter, in: [.search, .textInput]) == .runSearch)
        #expect(map.action(for: .escape, in: [.dialog, .global]) == .cancel)
        #expect(map.action(for: .ctrl("c"), in: [.sessions, .global]) == .quit)
        #expect(map.action(for: .char("4"), in: [.global]) == .focusLogs)
        #expect(map.action(for: .char("z"), in: [.global]) == nil)
        for action in [KeyAction.focusNext, .focusPrevious, .moveTop, .moveBottom, .pageUp, .pageDown,
                       .openDetails, .back, .refresh, .help, .pauseLogs, .revealMasked, .confirm, .nextField] {
            #expect(map.bindings.contains { $0.action == action }, "\(action) has no key")
        }
    }

    @Test func helpOverlayRendersAt80x24() {
        var b = ScreenBuffer(width: 80, height: 24)
        HelpOverlay().render(area: b.area, buffer: &b)
        let text = b.debugPicture
        for needle in ["Everywhere", "Toggles pane", "Space      Flip toggle (asks first)", "q/C-c      Quit",
                       "Tab        Next pane", "y/Enter    Confirm", "←/→        Move cursor", "C-w        Delete word",
                       "p          Pause/resume tail", "Confirmation dialog", "Home/C-a   Start of text"] {
            #expect(text.contains(needle), "missing \(needle)")
        }
        #expect(!text.contains("more: PgDn"))
        #expect(b.debugPicture == """
            ┌ Keys — ? or Esc closes ──────────────────────────────────────────────────────┐
            │ Everywhere                            Sessions pane                          │
            │  Tab        Next pane                  m          Reveal/mask values         │
            │  S-Tab      Previous pane             Errors pane                            │
            │  1          Toggles pane               /          Edit search                │
            │  2          Sessions pane             Logs pane                              │
            │  3          Errors pane                p          Pause/resume tail          │
            │  4          Logs pane                 Errors search field                    │
            │  j/↓        Move down                  Enter      Run search                 │
            │  k/↑        Move up                    Esc        Leave search field         │
            │  g/Home     Go to top                 Confirmation dialog                    │
            │  G/End      Go to bottom               y/Enter    Confirm                    │
            │  PgUp       Page up                    n/Esc      Cancel                     │
            │  PgDn       Page down                  Tab        Reason field               │
            │  Enter      Show details              Editing text                           │
            │  Esc        Back / close               ←/→        Move cursor                │
            │  /          Filter rows                Home/C-a   Start of text              │
            │  r          Refresh now                End/C-e    End of text                │
            │  ?          This help                  Bksp/Del   Delete character           │
            │  q/C-c      Quit                       C-u        Delete to start            │
            │ Toggles pane                           C-w        Delete word                │
            │  Space      Flip toggle (asks first)                                         │
            │                                                                              │
            └──────────────────────────────────────────────────────────────────────────────┘
            """)
    }
}
