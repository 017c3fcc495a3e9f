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
                       "p          Pause/resume tail", "Confirmation dialog", "Home/C-a   Start of text",
                       "t          Jump to its toggle", "s          Minimum severity", "o          Cycle sort order"] {
            #expect(text.contains(needle), "missing \(needle)")
        }
        #expect(!text.contains("more: PgDn"))
        #expect(b.debugPicture == """
            ┌ Keys — ? or Esc closes ──────────────────────────────────────────────────────┐
            │ Everywhere                            Sessions pane                          │
            │  Tab        Next pane                  m          Reveal/mask values         │
            │  S-Tab      Previous pane             Errors pane                            │
            │  1          Toggles pane               /          Edit search                │
            │  2          Sessions pane              t          Jump to its toggle         │
            │  3          Errors pane               Logs pane                              │
            │  4          Logs pane                  p          Pause/resume tail          │
            │  j/↓        Move down                  s          Minimum severity           │
            │  k/↑        Move up                   Errors search field                    │
            │  g/Home     Go to top                  Enter      Run search                 │
            │  G/End      Go to bottom               Esc        Leave search field         │
            │  PgUp       Page up                   Confirmation dialog                    │
            │  PgDn       Page down                  y/Enter    Confirm                    │
            │  Enter      Show details               n/Esc      Cancel                     │
            │  Esc        Back / close               Tab        Reason field               │
            │  /          Filter rows               Editing text                           │
            │  r          Refresh now                ←/→        Move cursor                │
            │  ?          This help                  Home/C-a   Start of text              │
            │  q/C-c      Quit                       End/C-e    End of text                │
            │ Toggles pane                           Bksp/Del   Delete character           │
            │  Space      Flip toggle (asks first)   C-u        Delete to start            │
            │  o          Cycle sort order           C-w        Delete word                │
            └──────────────────────────────────────────────────────────────────────────────┘
            """)
    }
}
