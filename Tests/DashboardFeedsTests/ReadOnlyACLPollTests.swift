import Dashboard
import DashboardFeeds
import Foundation
import LocalRedis
import Operations
import RedisClient
import TestSupport
import Testing

/// A read-only ACL user is how careful teams give on-call engineers a dashboard: each part of
/// the poll degrades on its own, and what is refused is said in its place (issue 16, item 2).
@Suite struct ReadOnlyACLPollTests {
    private func seed(_ redis: RedisConnection) throws {
        try redis.execute("HSET", "useNewAlgorithm", "toggle", "True", "releaseNum", "1.2")
        try redis.execute("HSET", "session:1", "authType", "fb-user")
        try redis.execute("LPUSH", "recent:checkout:error", "Mon Nov 30 10:00:00 2026 payment failed")
        let env = OpsEnvironment(redis: redis, patterns: KeyPatterns())
        let store = ErrorStore(module: SearchModule(generation: .v1))
        _ = try store.createIndex(env)
        try store.add(env, toggleName: "useNewAlgorithm", toggleValue: "True", fingerPrint: "dev", exceptionBody: "boom")
    }

    private func connect(_ server: RedisServerProcess, user: String) throws -> RedisConnection {
        var endpoint = server.endpoint
        endpoint.username = user
        endpoint.password = "pw"
        let connection = RedisConnection(options: RedisConnectionOptions(endpoint: endpoint))
        try connection.connect()
        return connection
    }

    @Test func aReadOnlyUserGetsEverythingItMayRead() throws {
        try withServer(.search1) { server in
            let admin = try server.connect()
            defer { admin.close() }
            try seed(admin)
            try admin.execute("ACL", "SETUSER", "ro", "on", ">pw", "~*", "&*", "+@read", "+@connection", "-@write")
            let redis = try connect(server, user: "ro")
            defer { redis.close() }

            var source = DashboardSource(patterns: KeyPatterns(), server: ServerInfo(endpoint: "test"))
            let snapshot = try source.poll(redis, .everything)
            #expect(snapshot.toggles?.map(\.name) == ["useNewAlgorithm"])
            #expect(snapshot.sessions?.map(\.key) == ["session:1"])
            #expect(snapshot.newLogLines.count == 1)
            let denied = snapshot.notPermitted ?? [:]
            #expect(denied[.server] == "needs +info", "\(denied)")
            #expect(denied[.errors]?.contains("ft.search") == true, "\(denied)")
            #expect(denied[.toggles] == nil && denied[.sessions] == nil && denied[.logs] == nil, "\(denied)")
            #expect(snapshot.server?.searchModule == "RediSearch 1.x", "COMMAND INFO tells the module apart")

            // The screen says so in place of the data, and the rest is there.
            var state = AppState(now: Date(), width: 200, height: 50, server: ServerInfo(endpoint: "test"))
            _ = update(&state, .pollSucceeded(snapshot, duration: 0.01, at: Date()))
            var buffer = ScreenBuffer(width: 200, height: 50)
            render(state, theme: .dark, into: &buffer)
            let text = buffer.lines().joined(separator: "\n")
            #expect(text.contains("Redis version not permitted (ACL): needs +info"), "\(text)")
            #expect(text.contains("Errors (last 15m) · not permitted (ACL): needs +ft.search"), "\(text)")
            #expect(text.contains("useNewAlgorithm") && text.contains("session:1") && text.contains("payment failed"))
            #expect(!text.contains("client-side"), "a refused module check is not 'no module'")
        }
    }

    @Test func withInfoGrantedOnlySearchIsRefused() throws {
        try withServer(.search1) { server in
            let admin = try server.connect()
            defer { admin.close() }
            try seed(admin)
            try admin.execute("ACL", "SETUSER", "ro", "on", ">pw", "~*", "&*", "+@read", "+@connection", "-@write", "+info")
            let redis = try connect(server, user: "ro")
            defer { redis.close() }
            var source = DashboardSource(patterns: KeyPatterns(), server: ServerInfo(endpoint: "test"))
            let snapshot = try source.poll(redis, .everything)
            let denied = snapshot.notPermitted ?? [:]
            #expect(denied[.server] == nil)
            #expect(snapshot.server?.version?.isEmpty == false)
            #expect(denied[.errors]?.contains("ft.search") == true, "the Errors pane must not be silently empty: \(denied)")

            // Granting it later clears the notice at the next overview (`r` runs it now).
            try admin.execute("ACL", "SETUSER", "ro", "+ft.search")
            let later = try source.poll(redis, .everything)
            #expect(later.notPermitted != nil && later.notPermitted?[.errors] == nil, "\(String(describing: later.notPermitted))")
            #expect(
                later.latestErrors?.rows.count == 1,
                "\(String(describing: later.latestErrors)) \(String(describing: snapshot.notPermitted))")
        }
    }
}
