/// The answer to `Effect.search`. A `Sendable` stand-in for `Result`, whose failure must be an
/// `Error`: here it is the message to show.
public enum SearchOutcome: Hashable, Sendable {
    case success(ErrorSearchView)
    case failure(String)
}
