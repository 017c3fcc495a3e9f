/// The search module the server runs, detected once and shared by everything that uses the
/// poller's connection — the poll's error feed and the dashboard's effects (searches, the
/// toggle detail) — so they never disagree on the backend.
///
/// Ownership and threading: made by the dashboard, used only on the poller's queue (polls and
/// effects both run there), so it needs no lock. A class because both hold it.
public final class SearchModuleDetector: @unchecked Sendable {
    public private(set) var module: SearchModule?

    public init() {}

    /// The module, detecting it on first use (or after `forget`).
    public func module(_ env: OpsEnvironment) throws(OperationsError) -> SearchModule {
        if let module { return module }
        let found = try SearchModule.detect(env)
        module = found
        return found
    }

    /// Detects again now (a refresh, a reconnect: the server may have changed).
    @discardableResult
    public func redetect(_ env: OpsEnvironment) throws(OperationsError) -> SearchModule {
        module = nil
        return try module(env)
    }
}
