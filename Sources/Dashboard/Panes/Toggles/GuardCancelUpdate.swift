/// Cancelling a guard from the Toggles pane (docs/guarded-flips.md, "Cancelling a guard"): `C` on
/// a guarded toggle opens the flip dialog in its cancel form (`FlipDialog.cancelsGuard`), with
/// the same gates as a flip (read-only refuses, production wants the name typed, a reason where
/// the context requires one); confirming sends `Effect.cancelGuard`. Pure; main queue.
extension AppState {
    mutating func startGuardCancel() -> [Effect] {
        guard focus == .toggles, let row = toggles.selectedRow else { return [] }
        let name = SafeText.line(row.name, width: 40)
        guard row.guardBadge?.state == .running else {
            say("\(name) has no running guard to cancel", error: true)
            return []
        }
        if readOnly {
            say("Read-only mode: cancelling a guard is disabled", error: true)
            return []
        }
        var d = FlipDialog(
            toggle: row.name, oldRaw: row.rawValue, newRaw: row.rawValue, turnsOn: row.status == .on,
            production: production)
        d.cancelsGuard = true
        dialog = d
        return []
    }

    mutating func finishGuardCancel(toggle: String, error: String?) -> [Effect] {
        if let error {
            if dialog?.toggle == toggle, dialog?.cancelsGuard == true {
                dialog?.phase = .failed(error)
            } else {
                say("Guard on \(SafeText.line(toggle, width: 40)) not cancelled: \(SafeText.line(error, width: 60))", error: true)
            }
            return []
        }
        if dialog?.toggle == toggle, dialog?.cancelsGuard == true { dialog = nil }
        say("\(SafeText.line(toggle, width: 40)): guard cancelled (audited); the toggle keeps its value")
        return [.pollSoon(toggle: toggle)]
    }
}
