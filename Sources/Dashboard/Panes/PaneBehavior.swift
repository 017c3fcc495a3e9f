/// What the shared key routing, movement, hint row, layout and view ask of a pane, so none of
/// them switches over the focused pane. Each pane implements it in its folder, beside its state
/// and view; `Pane.behavior` maps the enum to it. Static and pure over `AppState`; main queue.
protocol PaneBehavior {
    static var title: String { get }
    /// Where the pane sits in the full grid (see `GridSlot`); panes sharing a row are a pair.
    /// Nil: a tab of its own at every size.
    static var gridSlot: GridSlot? { get }
    /// Parts of the poll whose ACL refusal this pane shows in its title.
    static var dataParts: [DataPart] { get }
    /// The pane's own keys (context `.pane(...)`): the keymap, the help, the hint row and
    /// `opsdeck keys` are generated from them.
    static var bindings: [KeyBinding] { get }

    static func render(_ state: AppState, theme: Theme, area: Rect, buffer: inout ScreenBuffer)
    /// Data rows its list shows in `rect` (its page size).
    static func listRows(in rect: Rect, state: AppState) -> Int

    /// Its table as laid out in `rect` (for the mouse: which row is under the pointer); nil
    /// when it shows no table (a detail view, a log tail, the server's facts).
    static func list(in rect: Rect, state: AppState) -> PaneList?

    /// Its table's columns for `:columns` (nil: no table to choose columns of).
    static func chooserColumns(_ state: AppState) -> ChooserColumns?

    /// Whether its text field (filter, search) has the keys.
    static func isEditingText(_ state: AppState) -> Bool
    /// The keymap context for Enter/Esc while its field has the keys.
    static var fieldContext: KeyContext { get }
    static func startFilter(_ state: inout AppState)
    /// A key for its text field that is not Enter/Esc (edit the text; printable keys are text).
    static func editField(_ key: Key, state: inout AppState)
    /// An action from `fieldContext` (keep or clear the filter, run or leave the search).
    static func fieldAction(_ action: KeyAction, state: inout AppState) -> [Effect]

    static func move(_ move: AppState.Move, page: Int, state: inout AppState)
    static func openDetails(_ state: inout AppState) -> [Effect]
    /// Esc: close the innermost thing open (detail, then an active filter or search).
    static func back(_ state: inout AppState) -> [Effect]
    /// Effects `r` adds to refreshing everything (reloading an open detail).
    static func refreshEffects(_ state: AppState) -> [Effect]
    /// An action of the pane's own keymap context; nil when it is not the pane's.
    static func perform(_ action: KeyAction, state: inout AppState) -> [Effect]?
    /// Keeps its list's selection on screen after the data or the size changed.
    static func keepSelectionVisible(_ state: inout AppState, rows: Int)
    /// What the hint row says before "Enter keep · Esc clear" while its field has the keys.
    static func fieldNote(_ state: AppState) -> String?
    /// The actions the hint row offers now, most useful first (words from the keymap).
    static func hints(_ state: AppState) -> [KeyAction]
    /// What `y` copies now (the selected item, or the open detail's text), nil when nothing is
    /// selected. See `CopiedItem`.
    static func copiedItem(_ state: AppState) -> CopiedItem?
}

extension PaneBehavior {
    static var fieldContext: KeyContext { .filterField }
    static var bindings: [KeyBinding] { [] }
    static func list(in rect: Rect, state: AppState) -> PaneList? { nil }
    static func chooserColumns(_ state: AppState) -> ChooserColumns? { nil }
    static func refreshEffects(_ state: AppState) -> [Effect] { [] }
    static func keepSelectionVisible(_ state: inout AppState, rows: Int) {}
    static func fieldNote(_ state: AppState) -> String? { "typing filters live" }
    static func copiedItem(_ state: AppState) -> CopiedItem? { nil }
}
