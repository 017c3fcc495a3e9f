import Operations
import RedisClient

/// Where each kind of data lives, resolved (docs/connecting.md, "Split databases"), and grouped so kinds
/// that share an endpoint share one connection. A plain value; made once per command on the
/// main thread.
struct KindEndpoints: Hashable {
    /// Every kind's connection options (all equal when nothing is split).
    let options: [DataKind: RedisConnectionOptions]

    /// Distinct endpoints, each with the kinds it serves, in `DataKind` order of their first
    /// kind; the toggles' endpoint is always first.
    var groups: [(kinds: [DataKind], options: RedisConnectionOptions)] {
        var result: [(kinds: [DataKind], options: RedisConnectionOptions)] = []
        for kind in DataKind.allCases {
            guard let options = options[kind] else { continue }
            if let index = result.firstIndex(where: { $0.options == options }) {
                result[index].kinds.append(kind)
            } else {
                result.append(([kind], options))
            }
        }
        return result
    }

    /// Where the data comes from, for reports: the endpoint, or each distinct endpoint with
    /// its kinds (`redis://a:6379 (toggles, sessions) · redis://b:6379 (errors, logs)`).
    /// Never a password (`RedisEndpoint.description`).
    var summary: String {
        let groups = groups
        guard groups.count > 1 else { return groups.first?.options.endpoint.description ?? "" }
        return groups.map { "\($0.options.endpoint) (\($0.kinds.map(\.rawValue).joined(separator: ", ")))" }
            .joined(separator: " · ")
    }

    /// More than one endpoint.
    var isSplit: Bool { Set(options.values).count > 1 }

    /// One link per distinct endpoint, connected now for the kinds in `connecting` (so an
    /// unreachable server or a bad password fails fast with its own exit code) and lazily, on
    /// first use, for the rest: `sessions list` must not need the errors' server to be up.
    /// Returns each kind's sender (kinds sharing an endpoint share the link).
    func links(connecting: Set<DataKind>) throws -> [DataKind: any RedisLink] {
        var senders: [DataKind: any RedisLink] = [:]
        for group in groups {
            let link = RedisLinks.make(group.options)
            if !connecting.isDisjoint(with: group.kinds) { try link.connect() }
            for kind in group.kinds { senders[kind] = link }
        }
        return senders
    }
}
