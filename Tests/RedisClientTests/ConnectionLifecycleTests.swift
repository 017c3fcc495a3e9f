import Foundation
import LocalRedis
import RedisClient
import TestSupport
import Testing

@Suite struct ConnectionLifecycleTests {
    @Test(arguments: TestTransport.allCases) func handshakeSetsNameAndDatabase(_ transport: TestTransport) throws {
        try withServer(transport: transport) { server, transportEndpoint in
            var endpoint = transportEndpoint
            endpoint.database = 3
            let redis = RedisConnection(endpoint: endpoint)
            try redis.execute("SET", "where", "db3")
            #expect(try redis.execute("CLIENT", "GETNAME").string == "opsdeck")
            let other = try server.connect()
            #expect(try other.execute("GET", "where") == .null)
            try other.execute("SELECT", 3)
            #expect(try other.execute("GET", "where").string == "db3")
        }
    }

    @Test(arguments: TestTransport.allCases) func aclUserRightAndWrongPassword(_ transport: TestTransport) throws {
        try withServer(transport: transport) { server, endpoint in
            let admin = try server.connect()
            try admin.execute("ACL", "SETUSER", "oncall", "on", ">right-pw", "~*", "+@all")
            try admin.execute("CONFIG", "SET", "requirepass", "default-pw")

            var good = endpoint
            good.username = "oncall"
            good.password = "right-pw"
            #expect(try RedisConnection(endpoint: good).execute("ACL", "WHOAMI").string == "oncall")

            var bad = good
            bad.password = "wrong-pw"
            let rejected = RedisConnection(endpoint: bad)
            #expect {
                try rejected.execute("PING")
            } throws: { error in
                guard case .authFailed(let detail) = error as? RedisError else { return false }
                return detail.contains("WRONGPASS")
            }

            let anonymous = RedisConnection(endpoint: endpoint)
            #expect {
                try anonymous.execute("GET", "x")
            } throws: { error in
                guard let error = error as? RedisError, case .noAuth = error else { return false }
                return error.description.contains("REDISCLI_AUTH")
            }
        }
    }

    @Test(arguments: TestTransport.allCases) func serverRestartMidSession(_ transport: TestTransport) throws {
        try withServer(transport: transport) { server, endpoint in
            let redis = RedisConnection(endpoint: endpoint)
            try redis.execute("SET", "before", "1")
            server.stop()
            var failure: RedisError?
            do { try redis.execute("PING") } catch let error as RedisError { failure = error }
            let error = try #require(failure)
            #expect(error.isConnectionFailure)
            #expect(error.description.contains(endpoint.description), "the error names the endpoint: \(error)")
            try server.start()
            // The first attempt after a drop is immediate; later ones back off, so allow a few tries.
            let recovered = eventually { (try? redis.execute("PING")) == .status("PONG") }
            #expect(recovered)
            #expect(try redis.execute("CLIENT", "GETNAME").string == "opsdeck", "handshake re-applied after reconnect")
        }
    }

    /// The server frozen (SIGSTOP) until the test thaws it: while it is frozen, nothing but the
    /// read timeout can end a call, so no clock is needed to tell which did.
    @Test(arguments: TestTransport.allCases) func readTimeoutAgainstAFrozenServer(_ transport: TestTransport) throws {
        try withServer(transport: transport) { server, endpoint in
            let options = RedisConnectionOptions(endpoint: endpoint, readTimeout: 0.3)
            let redis = RedisConnection(options: options)
            try redis.connect()
            let pid = try #require(server.pid)
            server.pause()
            // Should the read timeout not work, the call would wait forever: a watchdog thaws the
            // server after the roomy deadline, and the call then answers, failing the test.
            let watchdog = DispatchWorkItem { kill(pid, SIGCONT) }
            DispatchQueue.global().asyncAfter(deadline: .now() + roomyDeadline, execute: watchdog)
            var failure: RedisError?
            do { try redis.execute("PING") } catch let error as RedisError { failure = error }
            watchdog.cancel()
            server.resume()
            guard case .timeout = try #require(failure, "the call waited until the server was thawed") else {
                Issue.record("expected a timeout, got \(String(describing: failure))")
                return
            }
            #expect(eventually { (try? redis.execute("PING")) == .status("PONG") }, "reconnects after the stall")
        }
    }

    @Test func unreachableServerBacksOff() throws {
        let endpoint = RedisEndpoint(address: .unix(path: "/tmp/opsdeck-no-such-dir/redis.sock"))
        let redis = RedisConnection(options: RedisConnectionOptions(endpoint: endpoint, reconnectBackoff: 5...10))
        #expect {
            try redis.execute("PING")
        } throws: { error in
            guard case .connectionRefused(_, let detail) = error as? RedisError else { return false }
            return detail.contains("No such file")
        }
        // Second failure schedules a 5 s backoff: the third call must not touch the network.
        _ = try? redis.execute("PING")
        #expect {
            try redis.execute("PING")
        } throws: { error in
            guard case .reconnecting(_, _, let retry) = error as? RedisError else { return false }
            return retry > 1
        }
    }
}
