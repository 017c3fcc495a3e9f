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
        /// Clicks and the wheel where the terminal reports them (the config's `mouse: on`, the
        /// default); false: `mouse: off`, the terminal keeps its own selection.
        var mouse = true
        /// The dashboard's clock; the demo's deterministic mode starts it at a fixed instant.
        var clock: @Sendable () -> Date = { Date() }
        /// Time zone for showing times (and reading log stamps, which services write in local time).
        var timeZone: TimeZone = .current
        /// The config's context names (`:ctx` completes them).
        var contexts: [String] = []
        /// Resolves another context's settings as `--context NAME` would at start, handing any
        /// warning to the closure instead of stderr (curses owns the terminal); nil: `:ctx` is
        /// not offered (the demo).
        var switchContext: ((_ name: String, _ warn: @escaping (String) -> Void) throws -> Settings)?
        /// Keep the `:` history, filter and search history and saved filters per context in the
        /// XDG state directory (`DashboardStateFile`); off for the demo.
        var keepsHistory = false
        /// What the flip dialog proposes for a guard (the config's `guard:`).
        var guardDefaults = OpsdeckConfig.GuardDefaults()
    }

    private var settings: Settings
    private let terminal = CursesTerminal()
    private var state: AppState
    /// One poller per distinct endpoint, each with its invalidation channel (polling stays the net).
    private var pollers: DashboardPollers!
    private var effects: EffectRunner!
    /// Counts the feeds built (one per context switched to): a poll or an effect's answer from
    /// an abandoned feed still in flight carries its old number and is dropped on arrival.
    private var generation = 0
    /// This context's remembered input (nil: not kept, as in the demo).
    private var stateFile: DashboardStateFile?
    private var sources: [any DispatchSourceProtocol] = []
    /// Whether a frame is due (issue 28: nothing is drawn when nothing shown changed).
    private var gate = FrameGate()
    /// The last frame drawn, for drawing the status bar alone into it.
    private var lastFrame: ScreenBuffer?
    private var onExit: [() -> Void] = []
    /// The toggle whose flip dialog the connection's name announces (nil: none).
    private var announced: String?

    init(_ settings: Settings) {
        self.settings = settings
        state = AppState(now: settings.clock())
        if let problem = connect(settings) { state.say(problem, error: true, seconds: 10) }
    }

    /// Builds a fresh state, pollers and effect runner for `settings` (at start and for each
    /// `:ctx`): nothing of a previous context survives but the screen size, and the `:` history
    /// when it is not kept per context. Returns what went wrong reading the state file.
    private func connect(_ settings: Settings) -> String? {
        self.settings = settings
        generation += 1
        let generation = generation
        let previous = state
        state = AppState(
            now: settings.clock(), width: previous.width, height: previous.height, server: settings.server,
            pollInterval: settings.interval, timeZone: settings.timeZone)
        state.commandLine.load(history: previous.commandLine.history)
        var problem: String?
        stateFile = settings.keepsHistory ? DashboardStateFile(context: settings.server.contextName) : nil
        if let stateFile {
            let (kept, trouble) = stateFile.load()
            state.restore(kept)
            problem = trouble.map { SafeText.line($0, width: 300) }
        }
        state.commandLine.contexts = settings.contexts
        state.actor = settings.actor
        state.bellOnNotices = settings.bell
        state.copyEnabled = settings.copy
        state.columnChoice = Self.columnsFile.load(ColumnChoice.self) ?? ColumnChoice()
        state.guardDefaultRule = settings.guardDefaults.rule ?? OpsdeckConfig.GuardDefaults.builtIn.rule
        state.guardDefaultFor = settings.guardDefaults.duration ?? OpsdeckConfig.GuardDefaults.builtIn.duration
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
                MainActor.assumeIsolated {
                    guard let runtime = DashboardRuntime.current, runtime.generation == generation else { return }
                    runtime.receive(event, panes: panes, at: clock())
                }
            }
        }
        let endpoint = settings.kinds?.summary ?? settings.server.endpoint
        let reply: @Sendable (Message) -> Void = { message in
            DispatchQueue.main.async {
                MainActor.assumeIsolated {
                    // A context switched away from (`:ctx`) no longer hears its old effects.
                    guard let runtime = DashboardRuntime.current, runtime.generation == generation else { return }
                    runtime.send([message])
                }
            }
        }
        // Guards from the flip dialog run on threads of their own with their own connections.
        let guards = DashboardGuards(
            groups: groups, patterns: settings.patterns, readOnly: settings.readOnly, actor: settings.actor, now: clock,
            reply: reply)
        // Handed over on quitting to this binary, with this dashboard's arguments (the password
        // in them travels in the new process's environment, never its argv).
        var arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "dashboard" { arguments.removeFirst() }
        let handOff = GuardHandOff(
            executable: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0],
            arguments: arguments)
        effects = EffectRunner(
            pollers: pollers, patterns: settings.patterns, readOnly: settings.readOnly,
            actor: settings.actor, now: clock,
            incident: { env, since, until, module in
                IncidentFile.write(env, since: since, until: until, module: module, endpoint: endpoint)
            },
            guards: guards, handOff: handOff, reply: reply)
        return problem
    }

    /// `:ctx NAME`: resolves the context as `--context NAME` would at start; on success drops
    /// the old feed (its polls in flight are abandoned, their answers ignored) and starts the
    /// new one on a clean screen. A context that cannot be resolved changes nothing.
    private func switchContext(to name: String) {
        guard let resolve = settings.switchContext else {
            state.say("This dashboard cannot switch contexts", error: true)
            return
        }
        // A guard started here runs on this context's connections: switching would orphan it.
        guard state.ownGuards.isEmpty else {
            let names = state.ownGuards.keys.sorted().map { SafeText.line($0, width: 40) }.joined(separator: ", ")
            state.say("A guard started here is running (\(names)): cancel it (C) or let it end before :ctx", error: true, seconds: 8)
            return
        }
        var warnings: [String] = []
        let next: Settings
        do {
            next = try resolve(name) { warnings.append($0) }
        } catch {
            state.say(
                "Cannot switch to \(SafeText.line(name, width: 40)): \(SafeText.line(String(describing: error), width: 160))", error: true,
                seconds: 8)
            return
        }
        pollers.abandon()
        announced = nil
        let problem = connect(next)
        state.say("Context \(SafeText.line(name, width: 40)): \(SafeText.line(next.server.endpoint, width: 80))")
        if let problem { state.say(problem, error: true, seconds: 10) }
        if !warnings.isEmpty { state.say(SafeText.line(warnings.joined(separator: "; "), width: 200), error: true, seconds: 8) }
        send([.resized(width: state.width, height: state.height), .tick(settings.clock())])
        pollers.start()
    }

    /// Where the column choice (`:columns`) is remembered between runs.
    private static let columnsFile = StateFile("columns.json")

    /// The one running dashboard, for callbacks that arrive on the main queue.
    private static var current: DashboardRuntime?

    /// Registers cleanup to run after the terminal is restored (the demo stops its server here).
    func atExit(_ cleanup: @escaping () -> Void) { onExit.append(cleanup) }

    /// Takes over the terminal and runs until the user quits; never returns.
    func run() throws -> Never {
        try terminal.start(mouse: settings.mouse)
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
        while let input = terminal.readInput(timeoutMs: 0) {
            if input == .key(.resize) {
                let size = terminal.size
                messages.append(.resized(width: size.width, height: size.height))
            } else {
                messages.append(input.message)
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
        var switching: String?
        for message in messages {
            gate.note(message, before: state)
            for effect in update(&state, message) {
                switch effect {
                case .quit: quitting = true
                case .bell: terminal.bell()
                case .copy(let text): terminal.copy(text)
                case .saveColumns(let choice):
                    do { try Self.columnsFile.save(choice) } catch {
                        state.say("Could not remember the columns: " + SafeText.line("\(error)", width: 80), error: true)
                    }
                case .switchContext(let name): switching = name
                default: effects.run(effect)
                }
            }
        }
        // Saved before quitting too: the last command or filter typed is kept.
        if let problem = stateFile?.save(state.remembered) { state.say(SafeText.line(problem, width: 300), error: true, seconds: 10) }
        if quitting { quit() }
        if let switching {
            switchContext(to: switching)
            return
        }
        if state.dialog?.toggle != announced {
            announced = state.dialog?.toggle
            pollers.announce(ClientName.dashboard(settings.actor, flipping: announced))
        }
        draw()
    }

    private func draw() {
        let size = terminal.size
        guard terminal.isActive, size.width > 0, size.height > 0 else { return }
        let reason = gate.reason(state, theme: settings.theme)
        let resized = size.width != state.width || size.height != state.height
        guard reason != nil || resized else { return }
        // Only the status bar's text moved (its rate, its data age): its row alone is drawn
        // into the last frame, not 240x70 cells rendered again to the same result.
        if reason == .statusBar, !resized, var buffer = lastFrame, buffer.width == size.width, buffer.height == size.height {
            renderStatusBar(state, theme: settings.theme, into: &buffer)
            terminal.draw(buffer)
            gate.drewStatusBar(state, theme: settings.theme)
            lastFrame = buffer
            return
        }
        var buffer = ScreenBuffer(width: size.width, height: size.height)
        let horizon = ClockHorizon.measure { render(state, theme: settings.theme, into: &buffer) }
        terminal.draw(buffer)
        gate.drew(state, theme: settings.theme, validFor: horizon)
        lastFrame = buffer
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
