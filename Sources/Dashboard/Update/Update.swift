import Foundation

/// The dashboard's one state transition (the Elm architecture's `update`): applies `message` to
/// `state` and returns the effects the executable must run. Pure: no I/O, no clock, no
/// globals, so every behaviour is testable by feeding messages. Call it on the main queue,
/// which owns the state.
public func update(_ state: inout AppState, _ message: Message) -> [Effect] {
    switch message {
    case .key(let key):
        let effects = state.handleKey(key)
        state.unseen.subtract(state.visiblePanes)
        return effects
    case .mouse(let event):
        let effects = state.handleMouse(event)
        state.unseen.subtract(state.visiblePanes)
        return effects
    case .tick(let date):
        state.now = date
        if let flash = state.flash, flash.expires <= date { state.flash = nil }
        state.toggles.expireFlashes(now: date)
        return []
    case .resized(let width, let height):
        state.width = max(0, width)
        state.height = max(0, height)
        state.unseen.subtract(state.visiblePanes)
        state.keepSelectionsVisible()
        return []
    case .pollSucceeded(let snapshot, let duration, let at):
        return state.applyPoll(snapshot, duration: duration, at: at)
    case .pollFailed(let error, let retryIn, let at, let advice, let panes):
        state.now = max(state.now, at)
        if let index = state.linkIndex(panes) {
            state.linkFailed(index, error: error, advice: advice, retryAt: at.addingTimeInterval(max(0, retryIn)))
            return []
        }
        state.connectionProblem = advice ?? error
        state.connection = .reconnecting(error: error, retryAt: at.addingTimeInterval(max(0, retryIn)))
        return []
    case .flipFinished(let outcome):
        return state.finishFlip(outcome)
    case .guardCancelFinished(let toggle, let error):
        return state.finishGuardCancel(toggle: toggle, error: error)
    case .guardStarted, .guardEnded, .guardRefused, .guardsReleased, .guardWarning:
        return state.applyOwnGuard(message)
    case .blastRadius(let toggle, let reached, let total, let rule):
        if state.dialog?.toggle == toggle {
            state.dialog?.reached = reached
            state.dialog?.total = total
            state.dialog?.rule = rule
        }
        return []
    case .blastRadiusFailed(let toggle, let error):
        if state.dialog?.toggle == toggle { state.dialog?.radiusError = error }
        return []
    case .searchFinished(let outcome):
        state.finishSearch(outcome)
        return []
    case .sessionDetailLoaded(let outcome):
        state.finishSessionDetail(outcome)
        return []
    case .incidentExported(let path, let error):
        if let path { state.say("Incident report written to " + SafeText.line(path, width: 120), seconds: 10) }
        if let error { state.say("Could not write the incident report: " + SafeText.line(error, width: 120), error: true, seconds: 10) }
        return []
    case .toggleDetailLoaded(let outcome):
        // Only the answer for the toggle still open counts; the user may have moved on.
        if state.toggles.detail?.name == outcome.name, case .loading = state.toggles.detail {
            state.toggles.detail = outcome
        } else if state.toggles.detail?.name == outcome.name, case .loaded = outcome {
            state.toggles.detail = outcome
        }
        return []
    case .toggleDetailErrorsLoaded(let name, let errors):
        if case .loaded(var detail) = state.toggles.detail, detail.name == name {
            detail.take(errors)
            state.toggles.detail = .loaded(detail)
        }
        return []
    }
}

extension AppState {
    /// Takes in one poll: the connection counts as up again, and each pane applies its own
    /// part (`PanePart.apply`); this function knows no pane's rules.
    mutating func applyPoll(_ snapshot: DashboardSnapshot, duration: Double, at: Date) -> [Effect] {
        let quiet = snapshot.changesNothingShown(in: self)
        now = max(now, at)
        if let index = linkIndex(snapshot.panes) {
            linkSucceeded(index, snapshot, at: at)
        } else {
            if case .reconnecting = connection { say("Reconnected") }
            connection = .connected
            connectionProblem = nil
            if snapshot.covers == nil { lastPollAt = at }
            if let cps = snapshot.commandsPerSecond { commandsPerSecond = cps }
            if let denied = snapshot.notPermitted { notPermitted = denied }
            if let mode = snapshot.updateMode { updateMode = mode }
        }
        if let covered = snapshot.covers {
            for pane in covered { earlyDataAt[pane] = at }
        } else if !quiet || lastPollDuration == nil {
            // A poll that changed nothing shown (the invalidations said nothing changed: one
            // PING; a walk that found nothing new) keeps the last such poll's duration: "poll
            // 8ms" says what bringing the data cost, and does not flicker every second (issue 28).
            lastPollDuration = duration
        }
        if let info = snapshot.server { server = merging(info) }
        // Each pane takes its own part, in tab order; what arrives in a pane that is off
        // screen is marked on its tab.
        let hidden = Set(Pane.allCases).subtracting(visiblePanes)
        var notes = noticeDeployment(snapshot, at: at)
        for pane in Pane.allCases {
            guard let part = snapshot.parts[pane] else { continue }
            let outcome = part.base.apply(to: &self, at: at)
            notes += outcome.notes
            if outcome.worthALook, hidden.contains(pane) { unseen.insert(pane) }
        }
        // One server has no shape to tell; a replica's role is then what the status bar says.
        if let topology = snapshot.topology {
            let replica = server?.replica
            server?.topology = topology.isEmpty ? replica : topology
        }
        showRate(at: at)
        let noticed = say(notes)
        keepSelectionsVisible()
        return (noticed && bellOnNotices ? [.bell] : []) + ToggleDetailFreshness.effects(&self, at: at)
    }

    /// A poll's server line as the state takes it. Read-only and production are safety
    /// settings: a poll can add them, never drop them. The replica's "replica of …" is the
    /// server's word of that poll, never carried over.
    func merging(_ polled: ServerInfo) -> ServerInfo {
        var info = polled
        info.readOnly = info.readOnly || (server?.readOnly ?? false)
        info.production = info.production || production
        let kept = server?.topology == server?.replica ? nil : server?.topology
        info.topology = info.topology ?? kept
        return info
    }

    mutating func finishSearch(_ outcome: SearchOutcome) {
        errors.searching = false
        switch outcome {
        case .success(let view):
            errors.result = view
            errors.searchError = nil
            errors.newSinceSearch = 0
            errors.checkedAt = now
            errors.table = TableState(selected: view.rows.isEmpty ? nil : 0)
        case .failure(let message):
            // Keep the previous results visible under the message: better than a blank pane.
            errors.searchError = message
        }
    }

    mutating func finishSessionDetail(_ outcome: SessionDetailOutcome) {
        // Only the answer for the session still open counts; the user may have moved on.
        guard let open = sessions.detail else { return }
        switch outcome {
        case .loaded(let detail) where detail.session.key == open.key:
            sessions.detail = .loaded(detail)
        case .failed(let key, let error) where key == open.key:
            sessions.detail = .failed(key: key, error: error)
        default:
            break
        }
    }
}
