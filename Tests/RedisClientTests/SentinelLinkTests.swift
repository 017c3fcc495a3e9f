import Foundation
import LocalRedis
import RedisClient
import TestSupport
import Testing

/// The Sentinel link against a real master, replica and three Sentinels: it finds the master,
/// follows a `SENTINEL FAILOVER` in the middle of a run, and says what it tried when it cannot.
@Suite struct SentinelLinkTests {
    @Test func theURLNamesSentinelsAndAMasterAndNeverShowsThePassword() throws {
        let endpoint = try RedisEndpoint(url: "redis+sentinel://oncall:s3cret@10.0.0.1:26379,10.0.0.2,[::1]:26380/mymaster/2")
        let sentinel = try #require(endpoint.sentinel)
        #expect(sentinel.nodes.map(\.description) == ["10.0.0.1:26379", "10.0.0.2:26379", "[::1]:26380"])
        #expect(sentinel.masterName == "mymaster")
        #expect(endpoint.database == 2 && endpoint.username == "oncall" && endpoint.password == "s3cret")
        #expect(endpoint.description == "redis+sentinel://oncall@10.0.0.1:26379,10.0.0.2:26379,[::1]:26380/mymaster/2")
        #expect(!endpoint.description.contains("s3cret"))
        for bad in [
            "redis+sentinel://10.0.0.1:26379", "redis+sentinel://10.0.0.1:26379/", "redis+sentinel:///mymaster",
            "redis+sentinel://h:99999/m", "redis+sentinel://u:pw@h:1/m/x/y",
        ] {
            #expect(throws: RedisError.self, "\(bad)") { try RedisEndpoint(url: bad) }
        }
        #expect {
            try RedisEndpoint(url: "redis+sentinel://u:topsecret@h:notaport/m")
        } throws: { !"\($0)".contains("topsecret") }
    }

    @Test func theMasterIsFoundAndAFailoverIsFollowedMidRun() throws {
        let set = try LocalSentinels(port: freeLoopbackPort)
        defer { set.stop() }
        let link = SentinelLink(options: RedisConnectionOptions(endpoint: try RedisEndpoint(url: set.url), readTimeout: 5))
        try link.execute("HSET", "useNewAlgorithm", "toggle", "True")
        #expect(link.summary == "sentinel mymaster → 127.0.0.1:\(set.dataPorts[0])")
        #expect(try set.master.connect().execute("HGET", "useNewAlgorithm", "toggle").string == "True")

        let promoted = try set.failover()
        #expect(promoted == set.dataPorts[1])
        // The old master may still answer (now a replica): the next calls find the new one, and a
        // write lands there — never refused as READONLY, never lost.
        #expect(
            eventually(every: 0.1) {
                (try? link.execute("HSET", "useNewAlgorithm", "toggle", "False").int) == 0
            })
        #expect(try LocalSentinels.connect(port: promoted).execute("HGET", "useNewAlgorithm", "toggle").string == "False")
        #expect(link.summary == "sentinel mymaster → 127.0.0.1:\(promoted)")
        let events = link.takeEvents()
        #expect(events.contains { $0.contains("failover") && $0.contains("127.0.0.1:\(promoted)") }, "\(events)")
        #expect(link.takeEvents().isEmpty, "said once")
    }

    @Test func aWriteRefusedByADemotedMasterIsSentToTheNewOne() throws {
        let set = try LocalSentinels(port: freeLoopbackPort)
        defer { set.stop() }
        let link = SentinelLink(options: RedisConnectionOptions(endpoint: try RedisEndpoint(url: set.url), readTimeout: 5))
        link.checkInterval = 3600 // only READONLY can reveal the move
        try link.execute("SET", "k", "before")
        let promoted = try set.failover()
        // The demoted master answers READONLY until it has switched; the link asks the Sentinels
        // then, and the write reaches the new master in the same call.
        var reply: RedisValue = .null
        #expect(
            eventually(every: 0.1) {
                reply = (try? link.send([RedisCommand("SET", "k", "after")]))?.first ?? .null
                return reply.string == "OK"
            }, "last reply: \(reply)")
        #expect(try LocalSentinels.connect(port: promoted).execute("GET", "k").string == "after")
    }

    @Test func sentinelsGoingAwayDoNotStopAWorkingMaster() throws {
        let set = try LocalSentinels(port: freeLoopbackPort)
        defer { set.stop() }
        let link = SentinelLink(options: RedisConnectionOptions(endpoint: try RedisEndpoint(url: set.url), connectTimeout: 1))
        link.checkInterval = 0
        try link.execute("SET", "k", "v")
        set.stopSentinels()
        #expect(try link.execute("GET", "k").string == "v", "the master answers; the Sentinels' silence changes nothing")
        #expect(link.summary == "sentinel mymaster → 127.0.0.1:\(set.dataPorts[0])")
        // A new link has no master to keep: it says the Sentinels could not be reached.
        let fresh = SentinelLink(options: RedisConnectionOptions(endpoint: try RedisEndpoint(url: set.url), connectTimeout: 1))
        #expect(throws: RedisError.self) { try fresh.execute("PING") }
    }

    @Test func noSentinelAnsweringSaysWhatWasTried() throws {
        let port = try freeLoopbackPort()
        let link = SentinelLink(
            options: RedisConnectionOptions(
                endpoint: try RedisEndpoint(url: "redis+sentinel://127.0.0.1:\(port)/mymaster"), connectTimeout: 1))
        #expect {
            try link.execute("PING")
        } throws: { error in
            let text = "\(error)"
            return text.contains("127.0.0.1:\(port)") && text.contains("mymaster") && text.contains("no Sentinel named the master")
        }
    }

    @Test func anUnknownMasterNameIsSaid() throws {
        let set = try LocalSentinels(port: freeLoopbackPort)
        defer { set.stop() }
        let url = set.url.replacingOccurrences(of: "/mymaster", with: "/nosuch")
        let link = SentinelLink(options: RedisConnectionOptions(endpoint: try RedisEndpoint(url: url)))
        #expect {
            try link.execute("PING")
        } throws: { "\($0)".contains("does not know a master named nosuch") }
    }
}
