/// How the dashboard learns of changes: the server's invalidation messages as they happen, or
/// polling alone (tracking refused by the ACL or an old server, or the channel down). A value
/// the poller owns and reports with each poll.
public enum UpdateMode: Sendable, Hashable {
    /// Invalidations are flowing: reads they cover are repeated only as a slow safety net.
    case live
    /// Polling only; `reason` says why when it is not the user's choice.
    case polling(reason: String?)

    public var isLive: Bool { self == .live }

    /// For the status bar: "live" or "polling (CLIENT not permitted)".
    public var label: String {
        switch self {
        case .live: return "live"
        case .polling(let reason): return reason.map { "polling (\($0))" } ?? "polling"
        }
    }
}
