/// Key handling: decides who gets a key (help, dialog, a text field, or the keymap) and turns
/// keymap actions into state changes and effects. Pure; main queue.
extension AppState {
    mutating func handleKey(_ key: Key) -> [Effect] {
        // Ctrl-C must always get out, whatever has the keys.
        if key == .ctrl("c") { return [.quit] }
        if helpVisible {
            handleHelpKey(key)
            return []
        }
        if dialog != nil { return handleDialogKey(key) }
        if isEditingText { return handleFieldKey(key) }
        guard let action = keymap.action(for: key, in: [focus.keyContext, .global]) else { return [] }
        return perform(action)
    }

    mutating func handleHelpKey(_ key: Key) {
        switch key {
        case .escape, .char("?"), .char("q"): helpVisible = false; helpScroll = 0
        case .down, .char("j"): helpScroll += 1
        case .up, .char("k"): helpScroll = max(0, helpScroll - 1)
        case .pageDown: helpScroll += 10
        case .pageUp: helpScroll = max(0, helpScroll - 10)
        default: break
        }
    }

    /// A filter or search field has the keys: Enter and Esc leave it, editing keys edit it
    /// (printable keys are text here, never commands), arrows still move the selection.
    mutating func handleFieldKey(_ key: Key) -> [Effect] {
        switch key {
        case .enter where focus == .errors: return runSearch()
        case .escape where focus == .errors: errors.editingQuery = false; return []
        case .enter: return leaveField(keep: true)
        case .escape: return leaveField(keep: false)
        case .up, .down, .pageUp, .pageDown:
            return perform(keymap.action(for: key, in: [.global]) ?? .moveDown)
        default:
            break
        }
        switch focus {
        case .toggles:
            if toggles.filter.handle(key) { toggles.refilter() }
        case .sessions:
            if sessions.filter.handle(key) { sessions.refilter() }
        case .errors:
            errors.query.handle(key)
        case .logs:
            if logs.filterInput.handle(key) { logs.scrollBack = 0 }
        }
        keepSelectionsVisible()
        return []
    }

    /// Leaves the focused pane's filter field; `keep: false` (Esc) also clears the filter.
    mutating func leaveField(keep: Bool) -> [Effect] {
        switch focus {
        case .toggles:
            toggles.editingFilter = false
            if !keep { toggles.filter = TextInput(); toggles.refilter() }
        case .sessions:
            sessions.editingFilter = false
            if !keep { sessions.filter = TextInput(); sessions.refilter() }
            keepSelectionsVisible()
            let text = sessions.filter.text
            if text != sessions.appliedFilter {
                sessions.appliedFilter = text
                return [.setSessionFilter(text)]
            }
        case .errors:
            errors.editingQuery = false
        case .logs:
            logs.editingFilter = false
            if !keep { logs.filterInput = TextInput() }
        }
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
        switch action {
        case .quit: return [.quit]
        case .help: helpVisible = true; helpScroll = 0
        case .refresh:
            if let detail = sessions.detail, focus == .sessions { return [.refreshNow, .loadSessionDetail(key: detail.key)] }
            if let detail = toggles.detail, focus == .toggles { return [.refreshNow, .loadToggleDetail(name: detail.name)] }
            return [.refreshNow]
        case .focusNext: focus = focus.next
        case .focusPrevious: focus = focus.previous
        case .focusToggles: focus = .toggles
        case .focusSessions: focus = .sessions
        case .focusErrors: focus = .errors
        case .focusLogs: focus = .logs
        case .moveDown: move(.by(1))
        case .moveUp: move(.by(-1))
        case .pageDown: move(.by(max(1, listRows(for: focus) - 1)))
        case .pageUp: move(.by(-max(1, listRows(for: focus) - 1)))
        case .moveTop: move(.top)
        case .moveBottom: move(.bottom)
        case .openDetails: return openDetails()
        case .back: return back()
        case .filter: startFilter()
        case .editSearch:
            errors.detail = nil
            errors.editingQuery = true
        case .runSearch: return runSearch()
        case .cancelSearch: errors.editingQuery = false
        case .flipToggle: return startFlip()
        case .revealMasked:
            masked.toggle()
            say(masked ? "E-mail and phone values masked" : "E-mail and phone values revealed (m masks again)")
        case .pauseLogs:
            if logs.paused { logs.resume() } else { logs.pause() }
        case .cycleSeverity:
            let levels: [LogLevel] = [.debug, .info, .warning, .error, .critical]
            let i = levels.firstIndex(of: logs.minLevel) ?? 0
            logs.minLevel = levels[(i + 1) % levels.count]
            logs.scrollBack = 0
            say("Logs: showing \(logs.minLevel.name) and above")
        case .wrapLogs:
            logs.wrap.toggle()
            say(logs.wrap ? "Logs: long lines wrap (w cuts them again)" : "Logs: long lines cut at the edge")
        case .cycleSort:
            toggles.setSort(toggles.sort.next)
            keepSelectionsVisible()
            say("Toggles sorted by \(toggles.sort.label)")
        case .jumpToToggle: jumpToToggle()
        case .showToggleErrors: return showToggleErrors()
        case .confirm, .cancel, .nextField, .cursorLeft, .cursorRight, .cursorHome, .cursorEnd,
             .deleteBackward, .deleteForward, .deleteToStart, .deleteWord:
            break // only meaningful in a dialog or text field, handled there
        }
        return []
    }

    mutating func startFilter() {
        switch focus {
        case .toggles: toggles.editingFilter = true
        case .sessions: sessions.editingFilter = true
        case .errors: errors.detail = nil; errors.editingQuery = true
        case .logs: logs.editingFilter = true
        }
    }

    mutating func openDetails() -> [Effect] {
        switch focus {
        case .sessions:
            guard let row = sessions.selectedRow else { return [] }
            sessions.detail = .loading(key: row.key)
            sessions.detailScroll = 0
            return [.loadSessionDetail(key: row.key)]
        case .errors:
            guard let row = errors.selectedRow else { return [] }
            errors.detail = row
            errors.detailScroll = 0
        case .toggles:
            guard let row = toggles.selectedRow else { return [] }
            toggles.detail = .loading(name: row.name)
            toggles.detailScroll = 0
            return [.loadToggleDetail(name: row.name)]
        case .logs:
            openLogDetail()
        }
        return []
    }

    /// Enter in Logs: the line at the bottom of the view, whole and wrapped.
    mutating func openLogDetail() {
        guard let line = logs.lineAtBottom() else {
            say("No log line to show yet")
            return
        }
        logs.detail = line
        logs.detailScroll = 0
    }

    /// Esc: closes the innermost thing open in the pane (detail view, then an active filter or
    /// search, which returns the pane to its live list).
    mutating func back() -> [Effect] {
        switch focus {
        case .toggles:
            if toggles.detail != nil { toggles.detail = nil }
            else if !toggles.filter.isEmpty { toggles.filter = TextInput(); toggles.refilter() }
        case .sessions:
            if sessions.detail != nil {
                sessions.detail = nil
            } else if !sessions.filter.isEmpty || !sessions.appliedFilter.isEmpty {
                sessions.filter = TextInput()
                sessions.refilter()
                keepSelectionsVisible()
                // The poller narrows its scan by the applied filter: it must hear of the clearing.
                if !sessions.appliedFilter.isEmpty {
                    sessions.appliedFilter = ""
                    return [.setSessionFilter("")]
                }
            }
        case .errors:
            if errors.detail != nil {
                errors.detail = nil
            } else if !(errors.result?.query.isEmpty ?? true) || !errors.query.isEmpty {
                errors.clearSearch()
                return [.searchCleared]
            }
        case .logs:
            if logs.detail != nil {
                logs.detail = nil
            } else if !logs.filterInput.isEmpty || logs.minLevel != .debug {
                logs.filterInput = TextInput()
                logs.minLevel = .debug
            }
        }
        keepSelectionsVisible()
        return []
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
