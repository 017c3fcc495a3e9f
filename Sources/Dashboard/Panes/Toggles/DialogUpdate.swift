/// The flip flow: opening the confirmation, keys inside it, and the outcome of the write.
/// Pure; main queue.
extension AppState {
    /// Space on a toggle: open the confirmation (never flip straight away) and start counting
    /// its blast radius. Refused, with a reason on screen, in read-only mode or for a value we
    /// cannot read.
    mutating func startFlip() -> [Effect] {
        guard focus == .toggles, let row = toggles.selectedRow else { return [] }
        if readOnly {
            say("Read-only mode: flipping toggles is disabled", error: true)
            return []
        }
        let name = SafeText.line(row.name, width: 40)
        guard row.status != .unknown else {
            say(
                "\(name) holds an unknown value (\(SafeText.line(row.rawValue, width: 20))): not flipping what we cannot read",
                error: true)
            return []
        }
        guard let newRaw = row.flipTarget else {
            say("\(name): no flip target known yet; r reloads", error: true)
            return []
        }
        let turnsOn = row.status == .off
        dialog = FlipDialog(
            toggle: row.name, oldRaw: row.rawValue, newRaw: newRaw, turnsOn: turnsOn,
            production: production)
        return [.countBlastRadius(toggle: row.name, turningOn: turnsOn)]
    }

    mutating func handleDialogKey(_ key: Key) -> [Effect] {
        guard var d = dialog else { return [] }
        defer { if dialog != nil { dialog = d } }
        switch d.phase {
        case .writing:
            return [] // the answer is on its way; closing now would hide it
        case .conflict, .failed:
            if [.escape, .enter, .char("n"), .char("y"), .char("q")].contains(key) { dialog = nil }
            return []
        case .asking:
            break
        }
        // In a field, printable keys are text (`y` typed into the reason is a letter); the
        // dialog's other keys (Enter, Esc, Tab) act as the keymap binds them.
        var isText = false
        if case .char = key { isText = true }
        if d.field != .none && isText || keymap.action(for: key, in: [.dialog]) == nil {
            guard d.field != .none else { return [] }
            switch d.field {
            case .reason: _ = d.reason.handle(key, keymap: keymap)
            case .confirmName: _ = d.confirmName?.handle(key, keymap: keymap)
            case .guardRule: _ = d.guardRule?.handle(key, keymap: keymap)
            case .guardFor: _ = d.guardFor.handle(key, keymap: keymap)
            case .none: break
            }
            d.notice = nil
            return []
        }
        switch keymap.action(for: key, in: [.dialog]) {
        case .confirm: return confirm(&d)
        case .cancel: dialog = nil
        case .nextField: d.nextField()
        case .addGuard where !d.cancelsGuard: d.toggleGuard(rule: guardDefaultRule, duration: guardDefaultFor)
        default: break
        }
        return []
    }

    private mutating func confirm(_ d: inout FlipDialog) -> [Effect] {
        if readOnly {
            dialog = nil
            say("Read-only mode: flipping toggles is disabled", error: true)
            return []
        }
        guard d.nameConfirmed else {
            d.notice = "Production: type the toggle name exactly, then press Enter"
            d.field = .confirmName
            return []
        }
        // Where the context asks (by default, production), the audit trail must say why.
        if requireReason && d.reason.text.allSatisfy(\.isWhitespace) {
            d.notice = "A reason is required here (Tab to the reason field)"
            d.field = .reason
            return []
        }
        d.phase = .writing
        d.notice = nil
        let reason = d.reason.text.trimmingCharacters(in: .whitespaces)
        if d.cancelsGuard { return [.cancelGuard(toggle: d.toggle, reason: reason.isEmpty ? nil : reason)] }
        toggles.pendingOwnFlips[d.toggle] = d.newRaw
        if let rule = d.guardRule {
            return [
                .guardedFlip(
                    toggle: d.toggle, to: d.turnsOn, expectedRaw: d.oldRaw, reason: reason.isEmpty ? nil : reason,
                    rule: rule.text, duration: d.guardFor.text)
            ]
        }
        return [.flip(toggle: d.toggle, to: d.turnsOn, expectedRaw: d.oldRaw, reason: reason.isEmpty ? nil : reason)]
    }

    mutating func finishFlip(_ outcome: FlipOutcome) -> [Effect] {
        switch outcome {
        case .done(let toggle, let old, let new, let logFailure, let note):
            if dialog?.toggle == toggle { dialog = nil }
            var message =
                "\(SafeText.line(toggle, width: 40)): \(SafeText.line(old, width: 12)) → \(SafeText.line(new, width: 12)) (audited)"
            // Learned from the flip's audit entry, not its reply: said, so "done" is not a guess.
            if note != nil { message += " — reply lost; found applied" }
            if let logFailure { message += "; log line not written: " + SafeText.line(logFailure, width: 80) }
            say(message)
            // Our own write: when the next poll shows it, it is not a change by others.
            toggles.pendingOwnFlips[toggle] = new
            return [.pollSoon(toggle: toggle)]
        case .conflict(let toggle, _, let current, let lastChange):
            toggles.pendingOwnFlips[toggle] = nil
            if dialog?.toggle == toggle {
                dialog?.phase = .conflict(current: current, lastChange: lastChange)
            } else {
                say("\(SafeText.line(toggle, width: 40)) changed meanwhile: nothing written", error: true)
            }
            return [.pollSoon(toggle: toggle)]
        case .failed(let message):
            if let d = dialog {
                toggles.pendingOwnFlips[d.toggle] = nil
                dialog?.phase = .failed(message)
            } else {
                say("Flip failed: \(SafeText.line(message, width: 60))", error: true)
            }
            return []
        }
    }
}
