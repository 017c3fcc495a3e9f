import Dashboard
import DashboardFeeds
import Operations
import RedisClient
import TestSupport
import Testing

/// Issue 13: with one database per kind, each poller's source runs only its kinds' feeds on its
/// own server and stamps its snapshots with their panes. Three real servers, each holding decoys
/// of the kinds it does not serve: a feed reading the wrong server would show them.
@Suite struct SplitSourceTests {
    @Test func eachSourceReadsOnlyItsKindsFromItsServer() throws {
        try withConnection { a, _ in
            try withConnection { b, _ in
                try withConnection { c, _ in
                    try a.execute("HSET", "alpha", "toggle", "on")
                    try a.execute("HSET", "session:decoyA", "authType", "x")
                    try a.execute("LPUSH", "recent:decoyA:error", "Thu Nov 26 18:03:33 2026 decoy on A")
                    try b.execute("HSET", "session:onB", "authType", "fb-user")
                    try b.execute("HSET", "decoyToggleB", "toggle", "off")
                    try c.execute(
                        "HSET", "error:alpha:11-26-26-18-03-33", "toggleName", "alpha", "toggleValue", "on",
                        "fingerPrint", "x", "exceptionBody", "boom on C")
                    try c.execute("LPUSH", "recent:svc:error", "Thu Nov 26 18:03:33 2026 from C")
                    try c.execute("HSET", "session:decoyC", "authType", "x")

                    func source(_ kinds: Set<DataKind>) -> DashboardSource {
                        DashboardSource(patterns: KeyPatterns(), server: ServerInfo(endpoint: "test"), kinds: kinds)
                    }
                    var onA = source([.toggles]), onB = source([.sessions]), onC = source([.errors, .logs])
                    let fromA = try onA.poll(a, .everything)
                    let fromB = try onB.poll(b, .everything)
                    let fromC = try onC.poll(c, .everything)

                    #expect(fromA.panes == [.toggles])
                    #expect(fromA.toggles?.map(\.name) == ["alpha"])
                    #expect(fromA.sessions == nil && fromA.newLogLines.isEmpty && fromA.errorCounts == nil && fromA.server == nil)

                    #expect(fromB.panes == [.sessions])
                    #expect(fromB.sessions?.map(\.key) == ["session:onB"])
                    #expect(fromB.toggles == nil && fromB.newLogLines.isEmpty && fromB.errorCounts == nil)

                    #expect(fromC.panes == [.errors, .logs])
                    #expect(fromC.newLogLines.map(\.message) == ["from C"])
                    #expect(fromC.latestErrors?.rows.map(\.toggleName) == ["alpha"])
                    #expect(fromC.toggles == nil && fromC.sessions == nil)
                    // The server line runs where the errors are: its search module is theirs.
                    #expect(fromC.server?.searchModule == "no search module")
                }
            }
        }
    }

    /// A sessions-only database has nothing to read between walks; a routine poll still
    /// touches it, so a server that went away fails the poll (and its pane says so) at once.
    @Test func aQuietDatabaseIsStillCheckedEveryPoll() throws {
        try withServer { server in
            let redis = try server.connect()
            defer { redis.close() }
            try redis.execute("HSET", "session:one", "authType", "x")
            var source = DashboardSource(patterns: KeyPatterns(), server: ServerInfo(endpoint: "test"), kinds: [.sessions])
            _ = try source.poll(redis, .everything)
            _ = try source.poll(redis, .routine)
            server.stop()
            #expect(throws: RedisError.self) { _ = try source.poll(redis, .routine) }
        }
    }

    /// Broadcast tracking per database: only the prefixes of the kinds it holds.
    @Test func trackedPrefixesFollowTheKinds() {
        let patterns = KeyPatterns(toggles: "toggle:*")
        #expect(DashboardSource.trackedPrefixes(patterns, kinds: [.sessions]).isEmpty)
        #expect(DashboardSource.trackedPrefixes(patterns, kinds: [.toggles]) == ["toggle:"])
        #expect(Set(DashboardSource.trackedPrefixes(patterns, kinds: [.errors, .logs])) == ["error:", "recent:"])
        #expect(Set(DashboardSource.trackedPrefixes(patterns)) == ["error:", "recent:", "toggle:"])
    }

    /// One database for everything: no panes stamped, every feed runs (as before).
    @Test func oneDatabaseStampsNoPanes() throws {
        try withConnection { redis, _ in
            try redis.execute("HSET", "alpha", "toggle", "on")
            try redis.execute("HSET", "session:one", "authType", "x")
            var source = DashboardSource(patterns: KeyPatterns(), server: ServerInfo(endpoint: "test"))
            let snapshot = try source.poll(redis, .everything)
            #expect(snapshot.panes == nil)
            #expect(snapshot.toggles?.count == 1 && snapshot.sessions?.count == 1 && snapshot.server != nil)
        }
    }
}
