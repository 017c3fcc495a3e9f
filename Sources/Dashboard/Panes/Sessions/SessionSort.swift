/// How the Sessions pane orders its rows once the person asks (`o` next column, `O` reverse;
/// issue 25). Before that the list is as polled, a filtered list by key. A plain value.
public enum SessionSort: Int, CaseIterable, Hashable, Sendable {
    case key, authType, name, ttl

    /// Its column's header (`SessionsPane.columns` draws it), the name `:columns` takes.
    var title: String { ["Key", "Auth type", "Name", "TTL"][rawValue] }

    public var label: String {
        switch self {
        case .key: return "key"
        case .authType: return "auth type"
        case .name: return "name"
        case .ttl: return "TTL"
        }
    }

    /// The column's index in `SessionsPane.columns`.
    var column: Int { rawValue }

    /// Strict order; ties fall back to the key. Names compare in their masked form, so the
    /// order never tells what a masked value is; sessions without a TTL (persistent) last.
    func less(_ a: SessionRow, _ b: SessionRow) -> Bool {
        switch self {
        case .key: break
        case .authType where a.authType != b.authType: return (a.authType ?? "\u{10FFFF}") < (b.authType ?? "\u{10FFFF}")
        case .name:
            let (x, y) = (a.field("name").map(Masking.mask) ?? "\u{10FFFF}", b.field("name").map(Masking.mask) ?? "\u{10FFFF}")
            if x != y { return x < y }
        case .ttl where a.ttl != b.ttl: return (a.ttl ?? Int.max) < (b.ttl ?? Int.max)
        case .authType, .ttl: break
        }
        return a.key < b.key
    }
}
