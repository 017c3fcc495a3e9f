import Synchronization

/// The search module the server runs, detected once and shared by everything that uses the
/// poller's connection — the poll's error feed and the dashboard's effects (searches, the
/// toggle detail) — so they never disagree on the backend.
///
/// Ownership and threading: made by the dashboard, used on the poller's queue (polls and effects
/// both run there). The answer sits behind a `Mutex`, so the compiler checks that sharing it is
/// safe from any thread; detection itself runs outside the lock (it is a round trip to Redis), so
/// two first callers on different threads would both ask and agree. A class because both hold it.
public final class SearchModuleDetector: Sendable {
    private let detected = Mutex<SearchModule?>(nil)

    public init() {}

    /// The module detected last, if any.
    public var module: SearchModule? { detected.withLock { $0 } }

    /// The module, detecting it on first use (or after `redetect`).
    public func module(_ env: OpsEnvironment) throws(OperationsError) -> SearchModule {
        if let module { return module }
        let found = try SearchModule.detect(env)
        detected.withLock { $0 = found }
        return found
    }

    /// Detects again now (a refresh, a reconnect: the server may have changed).
    @discardableResult
    public func redetect(_ env: OpsEnvironment) throws(OperationsError) -> SearchModule {
        detected.withLock { $0 = nil }
        return try module(env)
    }
}
