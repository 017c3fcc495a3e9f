/// What kind of deployment an endpoint is, as the user asked (`--cluster`, a context's
/// `cluster:`), or `.auto`: the first connection asks the server (`INFO cluster`) and a `MOVED`
/// reply at any time turns cluster routing on.
public enum RedisTopology: String, Sendable, Hashable, CaseIterable {
    case auto
    case standalone
    case cluster
}
