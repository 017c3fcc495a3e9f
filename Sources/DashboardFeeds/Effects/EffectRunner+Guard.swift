import Dashboard
import Foundation
import Operations

/// The dashboard's side of a guard (docs/guarded-flips.md, "Cancelling a guard"). Runs on the
/// toggles' poller queue like a flip, with its connection.
extension EffectRunner {
    /// Marks the toggle's running guard cancelled (`GuardStore.cancel`: audited, nothing flips)
    /// and says how it went; no running guard is an answer too, never a silent success.
    static func cancelGuard(_ env: OpsEnvironment, toggle: String, reason: String?) -> Message {
        do {
            switch try GuardStore.cancel(env, name: toggle, reason: reason) {
            case .cancelled: return .guardCancelFinished(toggle: toggle, error: nil)
            case .notRunning(let state):
                return .guardCancelFinished(
                    toggle: toggle,
                    error: state.isEmpty
                        ? "no guard runs on it any more"
                        : "its guard already ended (\(state))")
            }
        } catch {
            return .guardCancelFinished(toggle: toggle, error: OperationsError.wrap(error).description)
        }
    }

    /// A guarded flip from the dialog: on its own thread (`DashboardGuards`), never a poller's.
    func startGuard(toggle: String, on: Bool, expectedRaw: String, reason: String?, rule: String, duration: String) {
        guard let guards else {
            return reply(.guardRefused(toggle: toggle, problem: "guards are not available in this dashboard"))
        }
        guards.start(toggle: toggle, on: on, expectedRaw: expectedRaw, reason: reason, rule: rule, duration: duration)
    }

    /// Quitting with guards: on a background queue, as it waits for threads and a process.
    func releaseGuards(headless: Bool) {
        guard let guards, let handOff else { return reply(.guardsReleased(problems: [])) }
        DispatchQueue.global().async { self.reply(.guardsReleased(problems: guards.release(headless: headless, handOff: handOff))) }
    }
}
