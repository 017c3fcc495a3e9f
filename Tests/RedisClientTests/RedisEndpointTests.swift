import RedisClient
import Testing

@Suite struct RedisEndpointTests {
    @Test func parsesFullRedisURL() throws {
        let endpoint = try RedisEndpoint(url: "redis://ops:s%40cret@cache.internal:6380/4")
        #expect(endpoint.address == .tcp(host: "cache.internal", port: 6380))
        #expect(endpoint.username == "ops")
        #expect(endpoint.password == "s@cret")
        #expect(endpoint.database == 4)
        #expect(endpoint.description == "redis://ops@cache.internal:6380/4")
    }

    @Test func passwordOnlyAndDefaults() throws {
        let endpoint = try RedisEndpoint(url: "redis://:pw@localhost")
        #expect(endpoint.username == nil)
        #expect(endpoint.password == "pw")
        #expect(endpoint.address == .tcp(host: "localhost", port: 6379))
        #expect(endpoint.database == 0)
        #expect(!endpoint.description.contains("pw"))
    }

    @Test func ipv6Host() throws {
        let endpoint = try RedisEndpoint(url: "redis://[::1]:7000")
        #expect(endpoint.address == .tcp(host: "::1", port: 7000))
        #expect(endpoint.description == "redis://[::1]:7000")
    }

    @Test func unixSocketWithDatabase() throws {
        let endpoint = try RedisEndpoint(url: "unix:///run/redis/redis.sock?db=2")
        #expect(endpoint.address == .unix(path: "/run/redis/redis.sock"))
        #expect(endpoint.database == 2)
        #expect(endpoint.description == "unix:///run/redis/redis.sock?db=2")
    }

    @Test(arguments: [
        "http://x", "redis://host:notaport", "redis://host:70000", "unix://relative.sock",
        "unix:///a.sock?db=x", "unix:///a.sock?foo=1", "redis://h/-1",
    ])
    func rejectsBadURLs(_ url: String) {
        #expect(throws: RedisError.self) { try RedisEndpoint(url: url) }
    }
}
