/// What one pane remembers between frames (its rows, selection, filter, detail). A plain value
/// owned by `AppState` on the main queue, kept in `AppState.paneStates` so that `AppState` has
/// no field per pane; each pane's folder declares its typed accessor (`AppState.toggles`...).
public protocol PaneState: Hashable, Sendable {
    /// The pane whose state this is.
    static var pane: Pane { get }
    /// The state before anything arrived.
    init()
}

/// Every pane's state, one typed entry per pane (`PaneState`). A plain value owned by
/// `AppState`; a pane's entry is its `init()` until first written.
public struct PaneStates: Hashable, Sendable {
    private var states: [Pane: AnyPaneState] = [:]

    public init() {}

    public subscript<S: PaneState>(_ type: S.Type) -> S {
        get { states[S.pane]?.base as? S ?? S() }
        set { states[S.pane] = AnyPaneState(newValue) }
        // Taken out while it is changed, so its arrays are not copied on every edit (a pane
        // of 10,000 toggles is edited on each poll and key).
        _modify {
            var value = states.removeValue(forKey: S.pane)?.base as? S ?? S()
            defer { states[S.pane] = AnyPaneState(value) }
            yield &value
        }
    }
}

/// A `PaneState` of any pane; equality and hashing are the state's own.
struct AnyPaneState: Hashable, Sendable {
    let base: any PaneState

    init(_ base: any PaneState) { self.base = base }

    static func == (lhs: AnyPaneState, rhs: AnyPaneState) -> Bool { AnyHashable(lhs.base) == AnyHashable(rhs.base) }

    func hash(into hasher: inout Hasher) { AnyHashable(base).hash(into: &hasher) }
}
