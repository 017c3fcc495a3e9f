import Dashboard
import DashboardFeeds
import Foundation
import LocalRedis
import Operations
import RedisClient
import Synchronization
import TestSupport
import Testing

/// The dashboard's effects on real servers, through the same pollers the dashboard runs: a flip
/// (compare-and-set, audited, a conflict said), the blast radius, a search on RediSearch 1.x,
/// a session's detail, a toggle's detail and its errors read again, the connection's name while a dialog is open; and with the kinds split
/// over two servers, each effect reads the database it names.
@Suite struct EffectRunnerTests {
    /// Pollers and a runner on `groups`, with the replies collected (never started: effects
    /// run on the pollers' queues without a poll).
    final class Inbox: Sendable {
        let messages = Mutex<[Message]>([])
    }

    final class Rig: Sendable {
        let pollers: DashboardPollers
        let runner: EffectRunner
        let replies = Inbox()

        init(
            _ groups: [(kinds: [DataKind], options: RedisConnectionOptions)], name: String = ClientName.dashboard("e2e@rig", instance: "1")
        ) {
            pollers = DashboardPollers(
                groups: groups, clientName: name, patterns: KeyPatterns(), server: ServerInfo(endpoint: "test"),
                timeZone: TimeZone(identifier: "UTC")!, interval: 1, pollOnly: true, clock: { Date() }
            ) { _, _ in }
            let inbox = replies
            runner = EffectRunner(pollers: pollers, patterns: KeyPatterns(), readOnly: false, actor: "tester@rig", now: { Date() }) {
                message in
                inbox.messages.withLock { $0.append(message) }
            }
        }

        /// Runs `effect` and waits for the first reply `pick` accepts.
        func answer<T>(_ effect: Effect, _ pick: @escaping (Message) -> T?) throws -> T {
            runner.run(effect)
            var found: T?
            _ = eventually {
                found = replies.messages.withLock { $0 }.lazy.compactMap(pick).first
                return found != nil
            }
            return try #require(found, "no answer to \(effect): \(replies.messages.withLock { $0 })")
        }
    }

    private func options(_ server: RedisServerProcess) -> RedisConnectionOptions { RedisConnectionOptions(endpoint: server.endpoint) }

    @Test func aFlipIsComparedSetAndAuditedAndAConflictIsSaid() throws {
        try withConnection { redis, server in
            try redis.execute("HSET", "darkMode", "toggle", "False")
            let rig = Rig([(DataKind.allCases, options(server))])
            let done = try rig.answer(.flip(toggle: "darkMode", to: true, expectedRaw: "False", reason: "incident 42")) {
                if case .flipFinished(let outcome) = $0 { outcome } else { nil }
            }
            #expect(done == .done(toggle: "darkMode", old: "False", new: "True"), "\(done)")
            #expect(try redis.execute("HGET", "darkMode", "toggle").string == "True")
            let audit = try redis.execute("LINDEX", "opsdeck:audit:{darkMode}", 0).string ?? ""
            #expect(audit.contains("tester@rig") && audit.contains("incident 42"), "\(audit)")

            // The screen still showed False: someone changed it since, nothing is written.
            rig.replies.messages.withLock { $0 = [] }
            let conflict = try rig.answer(.flip(toggle: "darkMode", to: true, expectedRaw: "False", reason: nil)) {
                if case .flipFinished(let outcome) = $0 { outcome } else { nil }
            }
            guard case .conflict(_, _, let current, let last) = conflict else {
                Issue.record("expected a conflict: \(conflict)")
                return
            }
            #expect(current == "True" && last?.actor == "tester@rig", "\(conflict)")
        }
    }

    @Test func blastRadiusSearchAndSessionDetail() throws {
        try withConnection(.search1) { redis, server in
            try redis.execute("HSET", "useNewAlgorithm", "toggle", "False", "override", "fb-user")
            for (i, auth) in ["fb-user", "email", "fb-user"].enumerated() {
                try redis.execute("HSET", "session:\(i)", "name", "User \(i)", "authType", auth)
            }
            let env = OpsEnvironment(redis: redis, patterns: KeyPatterns())
            let store = ErrorStore(module: SearchModule(generation: .v1))
            _ = try store.createIndex(env)
            try store.add(
                env, toggleName: "useNewAlgorithm", toggleValue: "True", fingerPrint: "dev", exceptionBody: "NullPointerException boom")
            let rig = Rig([(DataKind.allCases, options(server))])

            let radius = try rig.answer(.countBlastRadius(toggle: "useNewAlgorithm", turningOn: true)) {
                if case .blastRadius(_, let reached, let total, _) = $0 { (reached, total) } else { nil }
            }
            #expect(radius == (2, 3), "the two fb-user sessions of three: \(radius)")

            let found = try rig.answer(.search(query: "boom")) { if case .searchFinished(let outcome) = $0 { outcome } else { nil } }
            guard case .success(let view) = found else {
                Issue.record("search failed: \(found)")
                return
            }
            #expect(view.rows.map(\.toggleName) == ["useNewAlgorithm"] && view.backendLabel == "RediSearch 1.x", "\(view)")

            let detail = try rig.answer(.loadSessionDetail(key: "session:0")) {
                if case .sessionDetailLoaded(let outcome) = $0 { outcome } else { nil }
            }
            guard case .loaded(let loaded) = detail else {
                Issue.record("detail failed: \(detail)")
                return
            }
            #expect(loaded.session.key == "session:0" && loaded.decisions.map(\.toggle) == ["useNewAlgorithm"], "\(loaded)")

            // The toggle's detail, then only its errors read again after one more was recorded.
            let toggle = try rig.answer(.loadToggleDetail(name: "useNewAlgorithm")) {
                if case .toggleDetailLoaded(let outcome) = $0 { outcome } else { nil }
            }
            guard case .loaded(let shown) = toggle else {
                Issue.record("toggle detail failed: \(toggle)")
                return
            }
            #expect(shown.errorCount == 1 && shown.reached == 0 && shown.totalSessions == 3, "\(shown)")
            try store.add(
                env, toggleName: "useNewAlgorithm", toggleValue: "True", fingerPrint: "dev", exceptionBody: "IllegalStateException two")
            let errors = try rig.answer(.refreshToggleDetailErrors(name: "useNewAlgorithm")) {
                if case .toggleDetailErrorsLoaded(let name, let errors) = $0, name == "useNewAlgorithm" { errors } else { nil }
            }
            #expect(errors.count == 2 && errors.recent.count == 2 && errors.note == nil, "\(errors)")
        }
    }

    /// Toggles on one server, sessions on another: the flip writes the toggles' server, the
    /// blast radius counts the sessions' server, and neither reads the other's data.
    @Test func splitKindsEachEffectReadsItsOwnDatabase() throws {
        try withServer { toggles in
            try withServer { sessions in
                let t = try toggles.connect(), s = try sessions.connect()
                defer {
                    t.close()
                    s.close()
                }
                try t.execute("HSET", "darkMode", "toggle", "off")
                try t.execute("HSET", "session:decoy", "authType", "email")
                for i in 0..<4 { try s.execute("HSET", "session:\(i)", "authType", "email") }
                let rig = Rig([([.toggles, .errors, .logs], options(toggles)), ([.sessions], options(sessions))])
                let radius = try rig.answer(.countBlastRadius(toggle: "darkMode", turningOn: true)) {
                    if case .blastRadius(_, let reached, let total, _) = $0 { (reached, total) } else { nil }
                }
                #expect(radius == (4, 4), "the sessions' server's four, not the decoy: \(radius)")
                let done = try rig.answer(.flip(toggle: "darkMode", to: true, expectedRaw: "off", reason: nil)) {
                    if case .flipFinished(let outcome) = $0 { outcome } else { nil }
                }
                #expect(done == .done(toggle: "darkMode", old: "off", new: "on"), "\(done)")
                #expect(try t.execute("HGET", "darkMode", "toggle").string == "on")
                #expect(try s.execute("EXISTS", "darkMode").int == 0)
            }
        }
    }

    /// While a flip dialog is open the connection's name says so: other dashboards list it.
    @Test func announceRenamesThePollersConnection() throws {
        try withConnection { redis, server in
            let rig = Rig([(DataKind.allCases, options(server))])
            _ = try rig.answer(.countBlastRadius(toggle: "missing", turningOn: true)) {
                if case .blastRadiusFailed = $0 { true } else { nil }
            }
            let named = { (try? redis.execute("CLIENT", "LIST").string) ?? "" }
            #expect(named().contains("name=opsdeck:e2e@rig:1 "), "\(named())")
            rig.pollers.announce(ClientName.dashboard("e2e@rig", instance: "1", flipping: "darkMode"))
            #expect(eventually { named().contains("name=opsdeck:e2e@rig:1:flipping:darkMode ") }, "\(named())")
            #expect(try ServerPaneFeed.peers(redis).first?.flipping == "darkMode")
        }
    }
}
