import Dashboard
import DashboardFeeds
import Dispatch
import Foundation
import Operations
import RedisClient
import TerminalCurses

#if canImport(Glibc)
    import Glibc
#endif

/// The running dashboard: the terminal, the state, the pollers (one per distinct database) and the main-queue event loop.
///
/// Threading: the runtime lives on the main queue (`@MainActor`), which owns the state and every
/// curses call. Keys arrive through a read source on stdin and a 4 Hz timer (which also catches
/// ncurses' KEY_RESIZE); poll results and effect results arrive as messages hopped onto the main
/// queue. Each batch of messages goes through the pure `update`, then one `render` into a fresh
/// buffer, of which the terminal sends only the changed cells. Nothing here waits on Redis.
@MainActor
final class DashboardRuntime {
    struct Settings {
        var endpoint: RedisConnectionOptions
        /// Each kind's endpoint, when the context or the flags split them (nil: `endpoint` for all).
        var kinds: KindEndpoints?
        var server: ServerInfo
        var patterns: KeyPatterns
        var readOnly: Bool
        var actor: String
        var interval: Double
        var theme: Theme
        /// No invalidation channel: changes are learnt by polling alone (`--poll-only`).
        var pollOnly = false
        /// Ring the terminal's bell with each notice (the config's `bell: true`).
        var bell = false
        /// `y` copies with OSC 52 (the config's `copy: osc52`, the default); false: `copy: off`.
        var copy = true
        /// The dashboard's clock; the demo's deterministic mode starts it at a fixed instant.
        var clock: @Sendable () -> Date = { Date() }
        /// Time zone for showing times (and reading log stamps, which services write in local time).
        var timeZone: TimeZone = .current
    }

    private let settings: Settings
    private let terminal = CursesTerminal()
    private var state: AppState
    /// One poller per distinct endpoint, each with its invalidation channel (polling stays the net).
    private let pollers: DashboardPollers
    private var effects: EffectRunner!
    private var sources: [any DispatchSourceProtocol] = []
    /// Whether a frame is due (issue 28: nothing is drawn when nothing shown changed).
    private var gate = FrameGate()
    private var onExit: [() -> Void] = []
    /// The toggle whose flip dialog the connection's name announces (nil: none).
    private var announced: String?

    init(_ settings: Settings) {
        self.settings = settings
        state = AppState(
            now: settings.clock(), server: settings.server, pollInterval: settings.interval,
            timeZone: settings.timeZone)
        state.actor = settings.actor
        state.bellOnNotices = settings.bell
        state.copyEnabled = settings.copy
        let clock = settings.clock
        let groups = settings.kinds?.groups ?? [(kinds: DataKind.allCases, options: settings.endpoint)]
        if groups.count > 1 {
            state.links = groups.map { LinkState(panes: Set($0.kinds.map(DashboardSource.pane))) }
        }
        // Poll results are stamped with the dashboard's clock on arrival, so ages stay consistent.
        pollers = DashboardPollers(
            groups: groups, clientName: ClientName.dashboard(settings.actor),
            patterns: settings.patterns, server: settings.server,
            timeZone: settings.timeZone, interval: settings.interval, pollOnly: settings.pollOnly,
            clock: clock,
            observations: ObservationPolicy(observer: settings.actor, records: !settings.readOnly)
        ) { event, panes in
            DispatchQueue.main.async {
                MainActor.assumeIsolated { DashboardRuntime.current?.receive(event, panes: panes, at: clock()) }
            }
        }
        let endpoint = settings.kinds?.summary ?? settings.server.endpoint
        effects = EffectRunner(
            pollers: pollers, patterns: settings.patterns, readOnly: settings.readOnly,
            actor: settings.actor, now: clock,
            incident: { env, window, module in IncidentFile.write(env, window: window, module: module, endpoint: endpoint) }
        ) { message in
            DispatchQueue.main.async { MainActor.assumeIsolated { DashboardRuntime.current?.send([message]) } }
        }
    }

    /// The one running dashboard, for callbacks that arrive on the main queue.
    private static var current: DashboardRuntime?

    /// Registers cleanup to run after the terminal is restored (the demo stops its server here).
    func atExit(_ cleanup: @escaping () -> Void) { onExit.append(cleanup) }

    /// Takes over the terminal and runs until the user quits; never returns.
    func run() throws -> Never {
        try terminal.start()
        Self.current = self
        let size = terminal.size
        send([.resized(width: size.width, height: size.height), .tick(settings.clock())])
        pollers.start()

        let input = DispatchSource.makeReadSource(fileDescriptor: STDIN_FILENO, queue: .main)
        input.setEventHandler { MainActor.assumeIsolated { DashboardRuntime.current?.drainKeys() } }
        let timer = DispatchSource.makeTimerSource(queue: .main)
        timer.schedule(deadline: .now() + 0.25, repeating: 0.25, leeway: .milliseconds(50))
        timer.setEventHandler { MainActor.assumeIsolated { DashboardRuntime.current?.heartbeat() } }
        sources = [input, timer]
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
            source.setEventHandler {
                MainActor.assumeIsolated {
                    if let runtime = DashboardRuntime.current { runtime.quit() }
                }
            }
            sources.append(source)
        }
        sources.forEach { $0.resume() }
        dispatchMain()
    }

    private func heartbeat() {
        drainKeys()
        // The clock moves; `FrameGate` draws only when an age, a countdown or the status bar
        // then reads differently (benchmark 6: no frame a second at 240x70 when idle).
        send([.tick(settings.clock())])
    }

    private func drainKeys() {
        var messages: [Message] = []
        while let key = terminal.readKey(timeoutMs: 0) {
            if key == .resize {
                let size = terminal.size
                messages.append(.resized(width: size.width, height: size.height))
            } else {
                messages.append(.key(key))
            }
            if messages.count > 256 { break }
        }
        if !messages.isEmpty { send(messages) }
    }

    private func receive(_ event: PollEvent<DashboardSnapshot>, panes: Set<Pane>?, at now: Date) {
        switch event {
        case .snapshot(let snapshot, let duration, _):
            send([.pollSucceeded(snapshot, duration: duration, at: now)])
        case .failed(let error, let retryIn, _):
            send([.pollFailed(error: error.shortReason, retryIn: retryIn, at: now, advice: error.description, panes: panes)])
        }
    }

    /// Runs messages through `update`, starts their effects, and draws once.
    private func send(_ messages: [Message]) {
        var quitting = false
        for message in messages {
            gate.note(message, before: state)
            for effect in update(&state, message) {
                switch effect {
                case .quit: quitting = true
                case .bell: terminal.bell()
                case .copy(let text): terminal.copy(text)
                default: effects.run(effect)
                }
            }
        }
        if quitting { quit() }
        if state.dialog?.toggle != announced {
            announced = state.dialog?.toggle
            pollers.announce(ClientName.dashboard(settings.actor, flipping: announced))
        }
        draw()
    }

    private func draw() {
        let size = terminal.size
        guard terminal.isActive, size.width > 0, size.height > 0 else { return }
        guard gate.needsFrame(state, theme: settings.theme) || size.width != state.width || size.height != state.height else {
            return
        }
        var buffer = ScreenBuffer(width: size.width, height: size.height)
        let horizon = ClockHorizon.measure { render(state, theme: settings.theme, into: &buffer) }
        terminal.draw(buffer)
        gate.drew(state, theme: settings.theme, validFor: horizon)
    }

    /// Restores the terminal first, whatever happens next, then stops the pollers and cleans up.
    /// Nothing waits for a poll in flight: on a slow link it could take its whole timeout.
    func quit() -> Never {
        terminal.stop()
        sources.forEach { $0.cancel() }
        pollers.abandon()
        for cleanup in onExit { cleanup() }
        exit(0)
    }
}
