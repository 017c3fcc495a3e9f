import Dispatch
import Foundation
import Operations
import RedisClient

/// Live activity for the demo, as a busy service and its team would make it: log lines every
/// second across services and severities, an error recorded now and then, and now and then a
/// teammate flipping a toggle — through the same compare-and-set, so the audit trail shows it.
///
/// Ownership and threading: the simulator owns its own connection and random generator and uses
/// them only on its private serial queue; `start` and `stop` may be called from any thread.
public final class DemoSimulator: @unchecked Sendable {
    private let queue = DispatchQueue(label: "opsdeck.demo.simulator")
    private let connection: RedisConnection
    private let patterns: KeyPatterns
    private var random: SeededRandom
    private var timer: (any DispatchSourceTimer)?
    private var ticks = 0
    private let teammates = ["priya.k@laptop", "mateo.r@build-07", "stephanie.b@laptop", "release-bot@ci"]

    public init(endpoint: RedisEndpoint, patterns: KeyPatterns = KeyPatterns(), seed: UInt64) {
        connection = RedisConnection(options: RedisConnectionOptions(endpoint: endpoint, clientName: "demo-simulator"))
        self.patterns = patterns
        random = SeededRandom(seed: seed ^ 0x5EED)
    }

    public func start(every interval: Double = 1) {
        queue.async { [self] in
            guard timer == nil else { return }
            let source = DispatchSource.makeTimerSource(queue: queue)
            source.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(100))
            source.setEventHandler { [weak self] in self?.step() }
            source.resume()
            timer = source
        }
    }

    public func stop() {
        queue.sync { [self] in
            timer?.cancel()
            timer = nil
            connection.close()
        }
    }

    /// One second of activity. Failures are ignored: the demo's server may be going away.
    private func step() {
        ticks += 1
        let env = OpsEnvironment(redis: connection, patterns: patterns, actor: teammates.randomElement(using: &random)!)
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let service = DemoCatalog.services.randomElement(using: &random)!
            let roll = Int.random(in: 0..<100, using: &random)
            let severity: Severity = roll < 25 ? .debug : roll < 70 ? .info : roll < 85 ? .warning : roll < 97 ? .error : .critical
            let message = DemoLogs.message(severity: severity.rawValue, random: &random)
            _ = try? LogStore.write(env, name: service, message: message, severity: severity)
        }
        if ticks % 17 == 0 { recordError(env) }
        if ticks % 45 == 0 { flipSomething(env) }
    }

    private func recordError(_ env: OpsEnvironment) {
        let toggle = DemoCatalog.toggles.randomElement(using: &random)!
        _ = try? ErrorStore().add(
            env, toggleName: toggle.0, toggleValue: toggle.1, fingerPrint: toggle.3,
            exceptionBody: DemoCatalog.exceptions.randomElement(using: &random)!)
    }

    private func flipSomething(_ env: OpsEnvironment) {
        // Teammates only touch a few low-risk toggles, back and forth.
        let candidates = ["darkMode", "holidayBanner", "quickReorder", "searchSuggestions"]
        let name = candidates.randomElement(using: &random)!
        guard let toggle = try? ToggleStore.get(env, name: name), let on = toggle.state.isOn else { return }
        _ = try? ToggleStore.flip(
            env, name: name, to: !on, expect: toggle.state,
            reason: ["A/B test window", "rollback per incident channel", "QA asked"].randomElement(using: &random))
    }
}
