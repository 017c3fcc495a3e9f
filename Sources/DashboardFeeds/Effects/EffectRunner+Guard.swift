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
}
