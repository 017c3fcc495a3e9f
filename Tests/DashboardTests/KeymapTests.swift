import Testing
@testable import Dashboard

@Suite struct KeymapTests {
    @Test func noTwoBindingsShareAKeyInOneContext() {
        let conflicts = Keymap.standard.conflicts.map { "\($0.0.context): \($0.0.keyLabel) vs \($0.1.keyLabel)" }
        #expect(conflicts.isEmpty, "\(conflicts)")
    }

    @Test func conflictDetectionWorks() {
        let map = Keymap([
            KeyBinding([.char("a")], .quit, "Quit", context: .global),
            KeyBinding([.char("b"), .char("a")], .help, "Help", context: .global),
            KeyBinding([.char("a")], .flipToggle, "Flip", context: .pane(.toggles)),
        ])
        #expect(map.conflicts.count == 1)
    }

    @Test func lookupPrefersSpecificContext() {
        let map = Keymap.standard
        #expect(map.action(for: .char(" "), in: [.pane(.toggles), .global]) == .flipToggle)
        #expect(map.action(for: .char("/"), in: [.pane(.errors), .global]) == .editSearch)
        #expect(map.action(for: .char("/"), in: [.pane(.logs), .global]) == .filter)
        #expect(map.action(for: .enter, in: [.search, .textInput]) == .runSearch)
        #expect(map.action(for: .escape, in: [.dialog, .global]) == .cancel)
        #expect(map.action(for: .ctrl("c"), in: [.pane(.sessions), .global]) == .quit)
        #expect(map.action(for: .char("4"), in: [.global]) == .focus(.logs))
        #expect(map.action(for: .char("z"), in: [.global]) == nil)
        for action in [
            KeyAction.focusNext, .focusPrevious, .moveTop, .moveBottom, .pageUp, .pageDown,
            .openDetails, .back, .refresh, .help, .pauseLogs, .revealMasked, .confirm, .nextField,
        ] {
            #expect(map.bindings.contains { $0.action == action }, "\(action) has no key")
        }
    }

    @Test func helpOverlayRendersAt80x24() {
        var b = ScreenBuffer(width: 80, height: 24)
        HelpOverlay().render(area: b.area, buffer: &b)
        let text = b.debugPicture
        for needle in [
            "Everywhere", "Toggles pane", "Space      Flip toggle (asks first)", "q/C-c      Quit",
            "Tab        Next pane", "e          Its errors (in Errors)",
            "5          Server pane", "C          Cancel its guard (asks)",
            "t          Jump to its toggle", "y          Copy the selected item", "o          Sort by the next column",
        ] {
            #expect(text.contains(needle), "missing \(needle)")
        }
        // More bindings than fit at 80x24: the overlay says so and scrolls (PgDn).
        #expect(text.contains("more: PgDn"))
        // Scrolled down page by page (the overlay stops at its end), every later section shows.
        var scrolledText = ""
        for scroll in stride(from: 10, through: 120, by: 10) {
            var scrolled = ScreenBuffer(width: 80, height: 24)
            HelpOverlay(keymap: .standard, scroll: scroll, theme: .monochrome).render(area: scrolled.area, buffer: &scrolled)
            scrolledText += scrolled.debugPicture
        }
        for needle in [
            "p          Pause/resume tail", "←/→        Move cursor", "Home/C-a   Start of text", "y/Enter    Confirm",
            "Confirmation dialog", "columns X  Hide or show column X", "ctx X      Switch to context X",
            "Esc        Clear the filter", "Row markers", "!          Errors rose after flip",
        ] {
            #expect(scrolledText.contains(needle), "missing \(needle) after scrolling")
        }
        #expect(
            b.debugPicture == """
                ┌ Keys — ? or Esc closes ──────────────────────────────────────────────────────┐
                │ Everywhere                             x          Write an incident report   │
                │  Tab        Next pane                  y          Copy the selected item     │
                │  S-Tab      Previous pane              :          Command line               │
                │  1          Toggles pane               C-o/Bksp   Back to before the jump    │
                │  2          Sessions pane              C-n        Forward again              │
                │  3          Errors pane               Toggles pane                           │
                │  4          Logs pane                  Space      Flip toggle (asks first)   │
                │  5          Server pane                o          Sort by the next column    │
                │  j/↓        Move down                  O          Reverse the sort           │
                │  k/↑        Move up                    e          Its errors (in Errors)     │
                │  g/Home     Go to top                  C          Cancel its guard (asks)    │
                │  G/End      Go to bottom              Sessions pane                          │
                │  PgUp       Page up                    m          Reveal/mask values         │
                │  PgDn       Page down                  o          Sort by the next column    │
                │  Enter      Show details               O          Reverse the sort           │
                │  Esc        Back / close              Errors pane                            │
                │  /          Filter rows                /          Edit search                │
                │  r          Refresh now                v          Grouped / every error      │
                │  ?          This help                  t          Jump to its toggle         │
                │  q/C-c      Quit                       o          Sort by the next column    │
                │  ]          Widen the time window      O          Reverse the sort           │
                │  [          Narrow the time window                              … more: PgDn │
                └──────────────────────────────────────────────────────────────────────────────┘
                """)
    }
}
