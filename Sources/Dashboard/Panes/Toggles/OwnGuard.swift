import Foundation

/// A guard this dashboard runs (started from its flip dialog, docs/guarded-flips.md, "From the
/// dashboard"): what the quit prompt lists. The guard itself runs in `DashboardGuards`; every
/// dashboard, this one included, shows it from its record (`GuardBadge`). A plain value.
public struct OwnGuard: Hashable, Sendable {
    public var rule: String
    public var ends: Date

    public init(rule: String, ends: Date) {
        self.rule = rule
        self.ends = ends
    }
}

/// The question asked on quitting while guards run: keep them running headless, cancel them,
/// or stay. A plain value owned by `AppState`.
public struct QuitPrompt: Hashable, Sendable {
    public enum Phase: Hashable, Sendable {
        case asking
        /// `Effect.releaseGuards` is out: handing over (`headless`) or cancelling.
        case releasing(headless: Bool)
    }

    public var phase: Phase = .asking

    public init() {}
}

/// Guards started from the dialog and the quit prompt. Pure; main queue.
extension AppState {
    /// Quitting: at once, unless this dashboard runs guards; then it asks first.
    mutating func quitting() -> [Effect] {
        guard !ownGuards.isEmpty else { return [.quit] }
        dialog = nil
        quitPrompt = QuitPrompt()
        return []
    }

    /// The prompt's keys: `k` keep running headless, `c` cancel them, Esc/`n` stay; `q` or
    /// Ctrl-C again quits anyway (the guards stop; dashboards show them lost within their TTL).
    mutating func handleQuitPromptKey(_ key: Key) -> [Effect] {
        guard quitPrompt?.phase == .asking else {
            // Ctrl-C still gets out while a hand-over is under way.
            return key == .ctrl("c") ? [.quit] : []
        }
        switch key {
        case .char("k"):
            quitPrompt?.phase = .releasing(headless: true)
            return [.releaseGuards(headless: true)]
        case .char("c"):
            quitPrompt?.phase = .releasing(headless: false)
            return [.releaseGuards(headless: false)]
        case .escape, .char("n"):
            quitPrompt = nil
            return []
        case .char("q"), .ctrl("c"):
            return [.quit]
        default:
            return []
        }
    }

    mutating func applyOwnGuard(_ message: Message) -> [Effect] {
        switch message {
        case .guardStarted(let toggle, let rule, let ends):
            ownGuards[toggle] = OwnGuard(rule: rule, ends: ends)
            say(
                "\(SafeText.line(toggle, width: 40)): guarded by this dashboard until \(Formatting.clock(ends, in: timeZone)): "
                    + SafeText.line(rule, width: 60), seconds: 10)
            return []
        case .guardEnded(let toggle, let summary, let alarm):
            ownGuards[toggle] = nil
            say(SafeText.line(toggle, width: 40) + ": " + SafeText.line(summary, width: 120), error: alarm, seconds: 10)
            return [.pollSoon(toggle: toggle)]
        case .guardRefused(let toggle, let problem):
            toggles.pendingOwnFlips[toggle] = nil
            if dialog?.toggle == toggle, dialog?.guarded == true {
                dialog?.phase = .asking
                dialog?.notice = "No guard: " + SafeText.line(problem, width: 120)
                dialog?.field = .guardRule
            } else {
                say("\(SafeText.line(toggle, width: 40)): no guard: \(SafeText.line(problem, width: 120))", error: true)
            }
            return []
        case .guardWarning(let toggle, let text):
            say("\(SafeText.line(toggle, width: 40)) guard: \(SafeText.line(text, width: 120))", error: true, seconds: 8)
            return []
        case .guardsReleased(let problems):
            if problems.isEmpty { return [.quit] }
            quitPrompt = nil
            say(SafeText.line(problems.joined(separator: "; "), width: 200), error: true, seconds: 15)
            return []
        default:
            return []
        }
    }
}
