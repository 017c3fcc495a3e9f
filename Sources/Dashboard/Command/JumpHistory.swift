/// Where the person was before a jump (`e`, `t`, a `:` command): the pane, the Toggles and
/// Sessions filters and selections, the Errors selection. A plain value.
public struct JumpPlace: Hashable, Sendable {
    var focus: Pane
    var toggleFilter: String
    var toggle: String?
    var sessionFilter: String
    var session: String?
    var errorSelected: Int?
}

/// Back and forward through jumps (Ctrl-O / Backspace back, Ctrl-N forward), as in vim and
/// lnav. A plain value owned by `AppState` on the main queue; at most `limit` places back.
public struct JumpHistory: Hashable, Sendable {
    var back: [JumpPlace] = []
    var forward: [JumpPlace] = []
    static let limit = 50

    public init() {}
}

extension AppState {
    var place: JumpPlace {
        JumpPlace(
            focus: focus, toggleFilter: toggles.filter.text, toggle: toggles.selectedRow?.name,
            sessionFilter: sessions.filter.text, session: sessions.selectedRow?.key, errorSelected: errors.table.selected)
    }

    /// Runs a jump, remembering where it left from when it moved anything.
    mutating func jumping(_ body: (inout AppState) -> [Effect]) -> [Effect] {
        let before = place
        let effects = body(&self)
        if place != before {
            jumps.back.append(before)
            if jumps.back.count > JumpHistory.limit { jumps.back.removeFirst() }
            jumps.forward = []
        }
        return effects
    }

    /// Back (`forward: false`) or forward to a place left by a jump.
    mutating func jump(forward: Bool) -> [Effect] {
        guard let target = forward ? jumps.forward.popLast() : jumps.back.popLast() else {
            say(forward ? "Nothing to go forward to" : "No jump to go back from (e, t and : jump)")
            return []
        }
        if forward { jumps.back.append(place) } else { jumps.forward.append(place) }
        return restore(target)
    }

    /// Puts back the pane, filters and selections of `p` (a session filter also goes to the
    /// poller, which applies `FIELD=VALUE` filters server-side).
    mutating func restore(_ p: JumpPlace) -> [Effect] {
        focus = p.focus
        if toggles.filter.text != p.toggleFilter {
            toggles.filter = TextInput(p.toggleFilter)
            toggles.refilter()
        }
        if let name = p.toggle { toggles.select(name: name) }
        var effects: [Effect] = []
        if sessions.filter.text != p.sessionFilter {
            sessions.filter = TextInput(p.sessionFilter)
            sessions.refilter()
            if sessions.appliedFilter != p.sessionFilter {
                sessions.appliedFilter = p.sessionFilter
                effects.append(.setSessionFilter(p.sessionFilter))
            }
        }
        if let key = p.session { sessions.select(key: key) }
        if let i = p.errorSelected, i < errors.rows.count { errors.table.selected = i }
        keepSelectionsVisible()
        return effects
    }
}
