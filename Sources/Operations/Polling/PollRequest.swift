/// What a poll is asked to do. The poller decides it in one place; each feed's budgets decide
/// the rest (see `IdleBudget`, the only periodic scheduler).
public enum PollRequest: Sendable, Equatable {
    /// The interval came round, or a flip asked for its toggle soon: each feed reads what is
    /// due, and its expensive steps (discovery, overviews) run only when their budgets allow.
    case routine
    /// Only what a change made from here needs, at once: after a flip, that toggle and the
    /// audit trail — no discovery, no walk, no other pane's reads.
    case soon
    /// Everything now, whatever the budgets say: the first poll, the user's refresh (`r`), and
    /// the first poll after a failure (the keyspace may be anything after an outage).
    case everything
}
