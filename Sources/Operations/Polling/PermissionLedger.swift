import RedisClient

/// Which parts of a poll the server's ACL refuses, so that each part degrades on its own: a
/// NOPERM in one part is recorded against it (with what to grant, e.g. "needs +info") and the
/// part yields nil, while every other failure still fails the poll as before.
///
/// Owned by one poll source and used only on its queue. A class so that a poll source's
/// mutating steps can run inside `run` without overlapping access to the source itself.
public final class PermissionLedger<Part: Hashable & Sendable> {
    /// Parts refused at their last attempt, with the permission they need.
    public private(set) var denied: [Part: String] = [:]

    public init() {}

    /// Runs one part; a refusal by the ACL is recorded and returns nil; success, or a failure
    /// other than the connection's, clears it.
    public func run<T>(_ part: Part, _ body: () throws(OperationsError) -> T) throws(OperationsError) -> T? {
        do {
            let value = try body()
            denied[part] = nil
            return value
        } catch {
            guard case .redis(.noPermission(let detail)) = error else {
                // It got past the ACL and failed for another reason: that reason is what to show.
                if case .redis(let redis) = error, redis.isConnectionFailure { throw error }
                denied[part] = nil
                throw error
            }
            denied[part] = RedisError.missingPermission(in: detail)
            return nil
        }
    }
}
