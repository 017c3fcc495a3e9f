import ArgumentParser
import Dashboard
import Demo
import Foundation
import Operations

/// `opsdeck demo`: the dashboard on a private Redis with sample data and live activity.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the dashboard on a private demo Redis with sample data and live activity.",
        discussion: """
            Starts redis-server (with Debian's RediSearch module when installed) on a Unix socket in a \
            temporary directory, loads sample data, simulates a busy service, and opens the dashboard. \
            Quitting (q, Ctrl-C, SIGTERM, SIGHUP) stops that server and removes the directory.
            """)

    @OptionGroup var options: DashboardOptions

    @Flag(name: .long, help: "Fixed seed and clock, no live activity: the same screens every run (screenshots).")
    var deterministic = false

    @Flag(name: .long, help: "Load the data but simulate no activity.")
    var noActivity = false

    @Option(name: .long, help: "Random seed for the sample data.")
    var seed: UInt64 = 42

    @Option(name: .long, help: "How many sessions to create.")
    var sessions = 300

    @Flag(name: .long, help: "Only print the demo server's socket and keep it running until interrupted (for scripts).")
    var serverOnly = false

    /// The instant the deterministic demo's clock starts at: docs/DATA-MODEL.md's log example.
    static let fixedStart = Date(timeIntervalSince1970: 1_795_716_213) // Thu Nov 26 18:03:33 2026 UTC

    func run() throws {
        if !serverOnly { try DashboardCommand.requireTerminal() }
        let theme = try options.loadTheme(configured: nil)
        let server = try DemoServer()
        let start = deterministic ? Self.fixedStart : Date()
        let realStart = Date()
        let clock: @Sendable () -> Date = { start.addingTimeInterval(Date().timeIntervalSince(realStart)) }
        var seeder = DemoSeeder(sessions: sessions, now: start, seed: seed)
        let connection = try server.process.connect()
        try seeder.load(into: connection)
        connection.close()
        let simulator = DemoSimulator(endpoint: server.endpoint, seed: seed)
        if !deterministic && !noActivity { simulator.start() }

        if serverOnly {
            // Unbuffered: scripts read this line while we keep running.
            FileHandle.standardOutput.write(Data((server.endpoint.description + "\n").utf8))
            if let note = server.searchNote { Output.error(note) }
            MainActor.assumeIsolated {
                DemoCommand.waitForSignal {
                    simulator.stop()
                    server.stop()
                }
            }
        }
        let runtime = MainActor.assumeIsolated {
            let runtime = DashboardRuntime(
                DashboardRuntime.Settings(
                    endpoint: .init(endpoint: server.endpoint),
                    // The socket's folder name is random: deterministic screens name it generically.
                    server: ServerInfo(contextName: "demo", endpoint: deterministic ? "unix://…/redis.sock" : server.endpoint.description),
                    patterns: KeyPatterns(), readOnly: false, actor: OpsEnvironment.defaultActor(),
                    interval: options.interval ?? 1, theme: theme, clock: clock,
                    timeZone: deterministic ? TimeZone(identifier: "UTC")! : .current))
            runtime.atExit {
                simulator.stop()
                server.stop()
            }
            return runtime
        }
        try MainActor.assumeIsolated { try runtime.run() }
    }

    /// Cleanup for `--server-only`, run on the main queue when a signal arrives.
    @MainActor private static var pendingCleanup: (() -> Void)?

    /// Blocks until SIGINT/SIGTERM/SIGHUP, runs `cleanup` on the main queue, and exits.
    @MainActor static func waitForSignal(_ cleanup: @escaping () -> Void) -> Never {
        pendingCleanup = cleanup
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
            source.setEventHandler {
                MainActor.assumeIsolated { pendingCleanup?() }
                Foundation.exit(0)
            }
            source.resume()
            sources.append(source)
        }
        withExtendedLifetime(sources) { dispatchMain() }
    }
}
