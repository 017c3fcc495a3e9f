/// What a key does; the update code switches over these, never over raw keys.
public enum KeyAction: Hashable, Sendable {
    case focusNext, focusPrevious
    /// Focus one pane (the digit keys, generated from `Pane.allCases`).
    case focus(Pane)
    case moveDown, moveUp, moveTop, moveBottom, pageUp, pageDown
    case openDetails, back, filter, refresh, help, quit
    case flipToggle
    /// End the guarded flip watching the selected toggle (asks first; audited).
    case cancelGuard
    case revealMasked
    case editSearch, runSearch, cancelSearch
    case keepFilter, clearFilter
    case pauseLogs, cycleSeverity, wrapLogs
    case cycleSort, reverseSort, jumpToToggle, showToggleErrors
    case toggleGrouping, widenWindow, narrowWindow, exportIncident
    case confirm, cancel, nextField, addGuard
    case cursorLeft, cursorRight, cursorHome, cursorEnd, deleteBackward, deleteForward
    case deleteToStart, deleteWord
    /// The `:` command line (issue 25): open it, run, leave, complete, walk its history.
    case commandMode, runCommand, cancelCommand, completeCommand, historyBack, historyForward
    /// Back and forward through the places left by jumps (`JumpHistory`).
    case jumpBack, jumpForward
    /// Copy the selected item to the terminal's clipboard (OSC 52).
    case copySelection
}
