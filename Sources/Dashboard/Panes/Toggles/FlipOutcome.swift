/// How a flip ended, reported by the executable after it ran `Effect.flip`. A plain value.
public enum FlipOutcome: Hashable, Sendable {
    /// Written (with its audit entry): `old` → `new` raw values; `logFailure` says why the log
    /// line announcing it could not be written (the flip stands).
    /// `note`: how the outcome was learned when it was not from the reply (its reply was lost
    /// and the flip's audit entry showed it applied, issue 29).
    case done(toggle: String, old: String, new: String, logFailure: String? = nil, note: String? = nil)
    /// The toggle no longer held `expected`: nothing was written.
    case conflict(toggle: String, expected: String, current: String, lastChange: AuditSummary?)
    /// Not written, for another reason (connection lost, read-only gate...).
    case failed(String)
}
