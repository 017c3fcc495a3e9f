/// The answer to `Effect.loadSessionDetail`. A plain value.
public enum SessionDetailOutcome: Hashable, Sendable {
    case loaded(SessionDetail)
    /// The session could not be read (gone, wrong type, connection down): the text says why.
    case failed(key: String, error: String)
}
