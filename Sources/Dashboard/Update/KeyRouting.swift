/// Key handling: decides who gets a key (help, dialog, a text field, or the keymap) and turns
/// keymap actions into state changes and effects; what is particular to a pane is asked of the
/// focused pane's `PaneBehavior`. Pure; main queue.
extension AppState {
    mutating func handleKey(_ key: Key) -> [Effect] {
        // Ctrl-C must always get out, whatever has the keys.
        if quitPrompt != nil { return handleQuitPromptKey(key) }
        if key == .ctrl("c") { return quitting() }
        if helpVisible {
            handleHelpKey(key)
            return []
        }
        if dialog != nil { return handleDialogKey(key) }
        if commandLine.isOpen { return handleCommandKey(key) }
        if isEditingText { return handleFieldKey(key) }
        guard let action = keymap.action(for: key, in: [focus.keyContext, .global]) else { return [] }
        return perform(action)
    }

    mutating func handleHelpKey(_ key: Key) {
        switch key {
        case .escape, .char("?"), .char("q"):
            helpVisible = false
            helpScroll = 0
        case .down, .char("j"): helpScroll += 1
        case .up, .char("k"): helpScroll = max(0, helpScroll - 1)
        case .pageDown: helpScroll += 10
        case .pageUp: helpScroll = max(0, helpScroll - 10)
        default: break
        }
    }

    /// A filter or search field has the keys: its context's bindings (Enter, Esc) act, arrows
    /// still move the selection, everything else edits the text (printable keys are text here,
    /// never commands).
    mutating func handleFieldKey(_ key: Key) -> [Effect] {
        let behavior = focus.behavior
        if let action = keymap.action(for: key, in: [behavior.fieldContext]) {
            // Ctrl-P/Ctrl-N: the lines kept before (`InputHistory`), then Enter as typed.
            if action == .historyBack || action == .historyForward {
                recallField(earlier: action == .historyBack)
                keepSelectionsVisible()
                return []
            }
            if action == .keepFilter || action == .runSearch, let text = fieldText { rememberField(text) }
            let effects = behavior.fieldAction(action, state: &self)
            keepSelectionsVisible()
            return effects
        }
        if [.up, .down, .pageUp, .pageDown].contains(key), let action = keymap.action(for: key, in: [.global]) {
            return perform(action)
        }
        behavior.editField(key, state: &self)
        keepSelectionsVisible()
        return []
    }

    /// Enter in the Errors search field: the query goes out as typed; the data layer turns it
    /// into something the server accepts (never a syntax error).
    mutating func runSearch() -> [Effect] {
        errors.editingQuery = false
        // An empty search is no search: back to the live list, not "nothing to search for".
        if errors.query.text.allSatisfy(\.isWhitespace) {
            errors.clearSearch()
            return [.searchCleared]
        }
        errors.searching = true
        errors.searchError = nil
        errors.detail = nil
        return [.search(query: errors.query.text)]
    }

    mutating func perform(_ action: KeyAction) -> [Effect] {
        let behavior = focus.behavior
        switch action {
        case .quit: return quitting()
        case .help:
            helpVisible = true
            helpScroll = 0
        case .commandMode: commandLine.open()
        case .copySelection: return copySelection()
        case .jumpBack, .jumpForward: return jump(forward: action == .jumpForward)
        case .showToggleErrors, .jumpToToggle: return jumping { behavior.perform(action, state: &$0) ?? [] }
        case .refresh: return [.refreshNow] + behavior.refreshEffects(self)
        case .focusNext: focus = focus.next
        case .focusPrevious: focus = focus.previous
        case .focus(let pane): focus = pane
        case .moveDown: move(.by(1))
        case .moveUp: move(.by(-1))
        case .pageDown: move(.by(max(1, listRows(for: focus) - 1)))
        case .pageUp: move(.by(-max(1, listRows(for: focus) - 1)))
        case .moveTop: move(.top)
        case .moveBottom: move(.bottom)
        case .openDetails: return behavior.openDetails(&self)
        case .back:
            let effects = behavior.back(&self)
            keepSelectionsVisible()
            return effects
        case .filter: behavior.startFilter(&self)
        case .widenWindow, .narrowWindow: return stepWindow(wider: action == .widenWindow)
        case .exportIncident:
            // The window the panes show: `:from`/`:to` when set, else the relative window.
            let shown =
                errors.range.label(window: errors.window, timeZone: timeZone, now: now) ?? "the last " + Formatting.window(errors.window)
            say("Writing the incident report for \(shown)…")
            return [.exportIncident(window: errors.window, range: errors.range)]
        default:
            // The pane's own actions (flip, sort, search, pause…); the rest only mean something
            // in a dialog or a text field, which handle them there.
            return behavior.perform(action, state: &self) ?? []
        }
        return []
    }

    /// `[` and `]`: the next narrower or wider step of the time window for groups and rates.
    mutating func stepWindow(wider: Bool) -> [Effect] {
        let steps = ErrorsState.windowSteps
        let next = wider ? steps.first { $0 > errors.window } : steps.last { $0 < errors.window }
        guard let next else {
            say("The time window is already \(wider ? "at its widest" : "at its narrowest"): \(Formatting.window(errors.window))")
            return []
        }
        errors.window = next
        say("Time window: last \(Formatting.window(next))")
        return [.setErrorWindow(next)] + clearRange()
    }

    /// From a toggle (its row or its detail), to its errors: the Errors pane searches `toggle:NAME`.
    mutating func showToggleErrors() -> [Effect] {
        guard focus == .toggles, let name = toggles.detail?.name ?? toggles.selectedRow?.name else { return [] }
        let words = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" })
        guard !words.isEmpty else {
            say("No searchable word in \(SafeText.line(name, width: 40))", error: true)
            return []
        }
        focus = .errors
        errors.query = TextInput(words.count == 1 ? "toggle:\(words[0])" : "toggle:\"\(words.joined(separator: " "))\"")
        return runSearch()
    }

    /// From an error, to its toggle: focus Toggles and select it (clearing a filter that hides it).
    mutating func jumpToToggle() {
        guard focus == .errors, let row = errors.detail ?? errors.selectedRow else { return }
        if toggles.select(name: row.toggleName) {
            focus = .toggles
            keepSelectionsVisible()
        } else {
            say("No toggle named \(SafeText.line(row.toggleName, width: 40)) is loaded", error: true)
        }
    }
}
