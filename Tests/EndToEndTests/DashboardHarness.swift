import Demo
import Foundation
import LocalRedis
import Operations
import RedisClient
import TestSupport

/// One end-to-end fixture: a private Redis (RediSearch 1.x) loaded with the demo's sample data,
/// and the real `opsdeck` binary running against it in a real terminal (tmux). Owned by one
/// test; `close()` stops both.
final class DashboardHarness {
    let server: RedisServerProcess
    let terminal: TerminalSession
    let redis: RedisConnection

    /// The built `opsdeck` executable (`OpsdeckRun.binary`, the one place tests find it).
    static var binary: String {
        get throws { try OpsdeckRun.binary().path }
    }

    init(
        columns: Int = 200, rows: Int = 56, interval: Double = 0.5, extra: [String] = [],
        flavor: ServerFlavor = .search1, environment: [String: String] = [:], transport: TestTransport = .unix
    ) throws {
        server = try RedisServerProcess(flavor: flavor, extraArguments: transport.serverArguments())
        redis = try server.connect()
        var seeder = DemoSeeder(sessions: 60, errors: 12, now: Date(), seed: 7)
        try seeder.load(into: redis)
        terminal = try TerminalSession(
            command: [Self.binary, "dashboard"] + Self.connectionArguments(transport, server)
                + ["--interval", String(interval)] + extra,
            environment: ["TZ": "UTC", "USER": "e2e"].merging(environment) { $1 }, columns: columns, rows: rows)
    }

    /// How the dashboard reaches the server: its socket, or its TLS port verified against the test CA.
    static func connectionArguments(_ transport: TestTransport, _ server: RedisServerProcess) throws -> [String] {
        let endpoint = try transport.endpoint(of: server)
        switch transport {
        case .unix: return ["--socket", server.socketPath]
        case .tcp: return ["--url", endpoint.description]
        case .tls: return ["--url", endpoint.description, "--cacert", try TestCertificates.shared().ca]
        }
    }

    /// Pushes a log line the way services do (LPUSH + LTRIM) from another client.
    func pushLog(_ message: String, source: String = "checkout", severity: String = "error") throws {
        let line = AsctimeTimestamp.format(Date(), timeZone: TimeZone(identifier: "UTC")!) + " " + message
        try redis.send([
            RedisCommand("LPUSH", "recent:\(source):\(severity)", line),
            RedisCommand("LTRIM", "recent:\(source):\(severity)", 0, 99),
        ])
    }

    func close() {
        terminal.close()
        server.shutdown()
    }

    deinit { close() }
}
