/// The Sessions pane's detail view: waiting for the data, showing it, or showing why it could
/// not be read. A plain value.
public enum SessionDetailState: Hashable, Sendable {
    case loading(key: String)
    case loaded(SessionDetail)
    case failed(key: String, error: String)

    public var key: String {
        switch self {
        case .loading(let key), .failed(let key, _): return key
        case .loaded(let d): return d.session.key
        }
    }
}
