import Foundation
import Operations

/// How a guarded flip ended, for people (stdout/stderr) and scripts (`--json`), and the exit
/// status that goes with it (docs/scripting.md, "Exit codes"): 0 held or not needed, 8 reverted,
/// 3 broken but changed by someone else (not reverted), 9 ended by a signal, 10 cancelled
/// from a dashboard.
struct GuardReport {
    let outcome: GuardedFlip.Outcome
    let json: Bool

    /// The JSON shape: `{outcome, figures, flip, revert, current}`.
    struct Body: Encodable {
        let outcome: String
        let figures: String?
        let flip: FlipResult
        let revert: FlipResult?
        let current: String?
        let failedChecks: Int

        enum CodingKeys: String, CodingKey {
            case outcome, figures, flip, revert, current
            case failedChecks = "failed-checks"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(outcome, forKey: .outcome)
            try container.encode(figures, forKey: .figures)
            try container.encode(flip, forKey: .flip)
            try container.encode(revert, forKey: .revert)
            try container.encode(current, forKey: .current)
            try container.encode(failedChecks, forKey: .failedChecks)
        }
    }

    func emit() throws {
        let (body, status, line) = describe()
        if json { try Output.json(body) } else if let line { print(Output.visible(line)) }
        if status != .success { throw ReportedFailure(status: status) }
    }

    private func describe() -> (Body, ExitStatus, String?) {
        switch outcome {
        case .notNeeded(let flip):
            return (
                Body(outcome: "not-needed", figures: nil, flip: flip, revert: nil, current: nil, failedChecks: 0), .success,
                "\(flip.toggle.name) is already \(flip.toggle.state) (\(flip.old)); nothing written, nothing to guard"
            )
        case .held(let flip, let figures, let failed):
            if failed > 0 { Output.error("warning: \(failed) error counts failed during the guard; the rule held on the others") }
            return (
                Body(outcome: "held", figures: figures, flip: flip, revert: nil, current: nil, failedChecks: failed), .success,
                "guard held: \(figures); \(flip.toggle.name) stays \(flip.new)"
            )
        case .reverted(let flip, let revert, let figures):
            Output.error("auto-revert: \(figures)")
            return (
                Body(outcome: "reverted", figures: figures, flip: flip, revert: revert, current: nil, failedChecks: 0),
                .guardReverted,
                "\(flip.toggle.name): \(revert.old) -> \(revert.new) (auto-revert: \(figures); "
                    + "flip id \(revert.audit?.id ?? "-"))"
            )
        case .notReverted(let flip, let figures, let current):
            Output.error(
                "guard rule broken (\(figures)) but \(flip.toggle.name) is now \(current), not the \(flip.new) "
                    + "this guard set: someone changed it meanwhile, so it was not reverted")
            return (
                Body(outcome: "not-reverted", figures: figures, flip: flip, revert: nil, current: current, failedChecks: 0),
                .conflict, nil
            )
        case .interrupted(let flip, let figures, let revert, let conflict):
            if let revert {
                Output.error("guard interrupted: \(flip.toggle.name) reverted \(revert.old) -> \(revert.new) (\(figures))")
            } else if let conflict {
                Output.error("guard interrupted: \(flip.toggle.name) is now \(conflict), not \(flip.new); not reverted")
            } else {
                Output.error("guard interrupted: \(flip.toggle.name) stays \(flip.new), no longer guarded (\(figures))")
            }
            return (
                Body(outcome: "interrupted", figures: figures, flip: flip, revert: revert, current: conflict, failedChecks: 0),
                .guardInterrupted, nil
            )
        case .cancelled(let flip, let figures, let by):
            Output.error("guard cancelled by \(by): \(flip.toggle.name) stays \(flip.new), no longer guarded (\(figures))")
            return (
                Body(outcome: "cancelled", figures: figures, flip: flip, revert: nil, current: nil, failedChecks: 0),
                .guardCancelled, nil
            )
        case .handedOff(let flip, _):
            return (
                Body(outcome: "handed-off", figures: nil, flip: flip, revert: nil, current: nil, failedChecks: 0), .success,
                "\(flip.toggle.name): the guard goes on in another process"
            )
        }
    }
}
