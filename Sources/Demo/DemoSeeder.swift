import Foundation
import Operations
import RedisClient

/// Loads the demo's sample data into a (private, empty) server: toggles, sessions, the error
/// index with its records, and recent-log lists. Runs on the caller's thread with the caller's
/// connection, before the dashboard starts.
public struct DemoSeeder {
    public var sessions: Int
    public var errors: Int
    public var now: Date
    public var random: SeededRandom

    /// The seed error record of docs/DATA-MODEL.md: `useNewAlgorithm:03-12-19-10-32-05`.
    public static let seedErrorTime = Date(timeIntervalSince1970: 1_552_386_725) // 2019-03-12 10:32:05 UTC

    public init(sessions: Int = 300, errors: Int = 40, now: Date, seed: UInt64) {
        self.sessions = sessions
        self.errors = errors
        self.now = now
        self.random = SeededRandom(seed: seed)
    }

    /// Writes everything; returns the search module found (the error index depends on it).
    @discardableResult
    public mutating func load(into redis: some RedisCommandSender, patterns: KeyPatterns = KeyPatterns()) throws -> SearchModule {
        try redis.send(DemoDataset.toggleCommands())
        try redis.send(DemoDataset.sessionCommands(count: sessions, now: now, random: &random))
        try redis.send(DemoLogs.commands(now: now, random: &random))
        try loadHistory(into: redis, patterns: patterns)
        return try loadErrors(into: redis, patterns: patterns)
    }

    /// A few recent flips by teammates, through the real compare-and-set, so the audit trail and
    /// the toggles' "last change" column have something to show.
    private func loadHistory(into redis: some RedisCommandSender, patterns: KeyPatterns) throws {
        let flips: [(String, Bool, String, Double, String)] = [
            ("holidayBanner", true, "mateo.r@build-07", 47 * 60, "seasonal banner on for the weekend"),
            ("holidayBanner", false, "priya.k@laptop", 31 * 60, "banner covers the checkout button on mobile"),
            ("fraudScoringV2", false, "stephanie.b@laptop", 12 * 60, "rollback: false positives, INC-4211"),
            ("fraudScoringV2", true, "release-bot@ci", 4 * 60, "re-enabled after hotfix 3.5.1"),
        ]
        for (name, on, actor, ago, reason) in flips {
            let when = now.addingTimeInterval(-ago)
            let env = OpsEnvironment(redis: redis, patterns: patterns, actor: actor, now: { when })
            _ = try ToggleStore.flip(env, name: name, to: on, reason: reason)
        }
    }

    private mutating func loadErrors(into redis: some RedisCommandSender, patterns: KeyPatterns) throws -> SearchModule {
        let env = OpsEnvironment(redis: redis, patterns: patterns, actor: "demo")
        let module = try SearchModule.detect(env)
        let store = ErrorStore(module: module)
        if module.generation != .none { _ = try store.createIndex(env) }
        let seedTime = Self.seedErrorTime
        let seed = OpsEnvironment(redis: redis, patterns: patterns, actor: "demo", now: { seedTime })
        _ = try store.add(
            seed, toggleName: "useNewAlgorithm", toggleValue: "True", fingerPrint: "John S,Stephanie B",
            exceptionBody: DemoCatalog.exceptions[0])
        // Most errors cluster on a few toggles, as in a real incident.
        let hot = ["useNewAlgorithm", "checkoutV2", "fastSearchIndex", "newPricingEngine"]
        for _ in 0..<max(0, errors - 1) {
            let entry: (String, String, String, String, String?)
            if Int.random(in: 0..<3, using: &random) < 2, let name = hot.randomElement(using: &random),
                let found = DemoCatalog.toggles.first(where: { $0.0 == name })
            {
                entry = found
            } else {
                entry = DemoCatalog.toggles.randomElement(using: &random)!
            }
            let when = now.addingTimeInterval(-Double(Int.random(in: 30...(3 * 86_400), using: &random)))
            let env = OpsEnvironment(redis: redis, patterns: patterns, actor: "demo", now: { when })
            _ = try store.add(
                env, toggleName: entry.0, toggleValue: entry.1, fingerPrint: entry.3,
                exceptionBody: DemoCatalog.exceptions.randomElement(using: &random)!)
        }
        try loadIncident(into: redis, patterns: patterns, store: store)
        return module
    }

    /// The incident the demo opens on: release-bot turned fraudScoringV2 back on 4 minutes ago
    /// (`loadHistory`) and one exception has been thrown since, so the Errors pane has a group
    /// in its 15-minute window, the toggle is marked, and its timeline says what changed.
    private mutating func loadIncident(
        into redis: some RedisCommandSender, patterns: KeyPatterns,
        store: ErrorStore
    ) throws {
        guard let toggle = DemoCatalog.toggles.first(where: { $0.0 == "fraudScoringV2" }) else { return }
        for i in 0..<14 {
            let when = now.addingTimeInterval(-Double(200 - i * 13 - Int.random(in: 0...5, using: &random)))
            let order = Int.random(in: 40_000...49_999, using: &random)
            let score = Double(Int.random(in: 90...99, using: &random)) / 100
            let body =
                "Exception in thread \"http-nio-8080-exec-\(i + 1)\" java.lang.IllegalStateException: "
                + "fraud score \(score) above the block threshold for order \(order)\n"
                + "\tat java.util.Objects.requireNonNull(Objects.java:233)\n"
                + "\tat com.shop.fraud.ScoringV2.decide(ScoringV2.java:141)\n"
                + "\tat com.shop.checkout.Handler.handle(Handler.java:31)"
            let env = OpsEnvironment(redis: redis, patterns: patterns, actor: "demo", now: { when })
            _ = try store.add(env, toggleName: toggle.0, toggleValue: "True", fingerPrint: toggle.3, exceptionBody: body)
        }
    }
}
