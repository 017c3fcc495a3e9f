import Dashboard
import Foundation
import Operations
import RedisClient
import Synchronization

/// Turns the update function's effects into work on the pollers' queues (with their own
/// connections, so a flip never races a poll) and their results into messages for the main queue.
/// Each effect names the kinds of data it reads, so with split databases it holds exactly
/// those connections (`DashboardPollers.perform`): a flip the toggles', its blast radius the
/// toggles' and the sessions', a search the errors'.
///
/// Threading: `run` is called on the main queue; the work closures run on a poller's queue;
/// the shared `searchModule` is only touched on the errors' poller's queue. Results come back
/// through `reply`, on the poller's queue (the runtime hops to main). Immutable: `Sendable`.
public final class EffectRunner: Sendable {
    let pollers: DashboardPollers
    let patterns: KeyPatterns
    let readOnly: Bool
    let actor: String
    let reply: @Sendable (Message) -> Void
    let now: @Sendable () -> Date
    /// Writes the incident report (the executable's renderer and files) and says how it went.
    let incident: @Sendable (_ env: OpsEnvironment, _ since: Date, _ until: Date?, _ module: SearchModule?) -> Message
    /// The guards started from the flip dialog, and how they are handed over on quitting (nil:
    /// a dashboard that cannot run guards, e.g. in tests of other effects).
    let guards: DashboardGuards?
    let handOff: GuardHandOff?
    /// The poll's detection, shared: searches and the toggle detail use the same backend.
    private let searchModule: SearchModuleDetector
    /// The error window searches are narrowed to (`:from`/`:to`, and the relative width an
    /// open end falls back on): set and read by `run` on the main queue, behind a `Mutex` so
    /// the runner stays `Sendable`.
    private let searchWindow = Mutex<(range: ErrorRange, window: Double)>((ErrorRange(), 900))

    public init(
        pollers: DashboardPollers, patterns: KeyPatterns, readOnly: Bool, actor: String,
        now: @escaping @Sendable () -> Date,
        incident: @escaping @Sendable (_ env: OpsEnvironment, _ since: Date, _ until: Date?, _ module: SearchModule?) -> Message = {
            _, _, _, _ in
            .incidentExported(path: nil, error: "no incident writer")
        },
        guards: DashboardGuards? = nil, handOff: GuardHandOff? = nil,
        reply: @escaping @Sendable (Message) -> Void
    ) {
        self.guards = guards
        self.handOff = handOff
        self.incident = incident
        self.searchModule = pollers.searchModule
        self.now = now
        self.pollers = pollers
        self.patterns = patterns
        self.readOnly = readOnly
        self.actor = actor
        self.reply = reply
    }

    /// Starts the effect's work; `.quit`, `.bell`, `.copy` and `.saveColumns` are the
    /// runtime's own business.
    public func run(_ effect: Effect) {
        switch effect {
        case .quit, .bell, .copy, .saveColumns, .switchContext:
            return
        case .refreshNow:
            // The user asked: everything now, whatever the idle budgets say.
            pollers.refreshNow(userAsked: true)
        case .flip(let toggle, let on, let expectedRaw, let reason):
            // The toggle and its audit trail live together (DataKind); the log line announcing
            // the flip goes to the logs' database after it.
            perform([.toggles, .logs]) { env in
                self.reply(.flipFinished(Self.flip(env, toggle: toggle, to: on, expectedRaw: expectedRaw, reason: reason)))
            }
        case .guardedFlip(let toggle, let on, let expectedRaw, let reason, let rule, let duration):
            startGuard(toggle: toggle, on: on, expectedRaw: expectedRaw, reason: reason, rule: rule, duration: duration)
        case .releaseGuards(let headless):
            releaseGuards(headless: headless)
        case .cancelGuard(let toggle, let reason):
            // The record and the audit list sit in the toggle's slot, on the toggles' database.
            perform([.toggles]) { env in self.reply(Self.cancelGuard(env, toggle: toggle, reason: reason)) }
        case .pollSoon(let toggle):
            let poller = pollers.poller(for: .toggles)
            if let toggle { poller.updateSource { $0[TogglesFeed.self].priority.insert(toggle) } }
            poller.pollSoon()
        case .countBlastRadius(let toggle, let turningOn):
            // The toggle from its database, the sessions it reaches from theirs.
            perform([.toggles, .sessions]) { env in
                do {
                    let found = try ToggleStore.get(env, name: toggle)
                    let impact = try SessionStore.flipImpact(env, toggle: found, turningOn: turningOn)
                    self.reply(
                        .blastRadius(
                            toggle: toggle, reached: impact.affected, total: impact.total,
                            rule: impact.ruleDescription))
                } catch {
                    self.reply(.blastRadiusFailed(toggle: toggle, error: OperationsError.wrap(error).description))
                }
            }
        case .search(let text):
            let (range, window) = searchWindow.withLock { ($0.range, $0.window) }
            perform([.errors]) { env in self.reply(.searchFinished(self.search(env, text, range: range, window: window))) }
            pollers.poller(for: .errors).updateSource { $0[ErrorsFeed.self].search = text }
        case .searchCleared:
            pollers.poller(for: .errors).updateSource { $0[ErrorsFeed.self].search = nil }
        case .loadToggleDetail(let name):
            perform([.toggles, .sessions, .errors]) { env in
                let module = try? self.searchModule.module(env)
                self.reply(.toggleDetailLoaded(ToggleDetailLoader.load(env, name: name, module: module, at: self.now())))
            }
        case .refreshToggleDetailErrors(let name):
            perform([.errors]) { env in
                let module = try? self.searchModule.module(env)
                self.reply(.toggleDetailErrorsLoaded(name: name, ToggleDetailLoader.errors(env, toggle: name, module: module)))
            }
        case .loadSessionDetail(let key):
            perform([.sessions, .toggles]) { env in self.reply(.sessionDetailLoaded(Self.sessionDetail(env, key: key, at: self.now()))) }
        case .setErrorWindow(let seconds):
            searchWindow.withLock { $0.window = seconds }
            let poller = pollers.poller(for: .errors)
            poller.updateSource { $0[ErrorsFeed.self].window = seconds }
            poller.refreshNow()
        case .setErrorRange(let range):
            searchWindow.withLock { $0.range = range }
            let poller = pollers.poller(for: .errors)
            poller.updateSource { $0[ErrorsFeed.self].range = range }
            poller.refreshNow()
        case .exportIncident(let window, let range):
            perform(Set(DataKind.allCases)) { env in
                // The window the panes show; an end only when `:to` set one.
                let (since, until) = range.bounds(window: window, now: env.now())
                self.reply(self.incident(env, since, range.to == nil ? nil : until, try? self.searchModule.module(env)))
            }
        case .setSessionFilter(let text):
            let filter = SessionFilter(typed: text)
            let poller = pollers.poller(for: .sessions)
            poller.updateSource { $0[SessionsFeed.self].filter = filter }
            poller.refreshNow()
        }
    }

    private func perform(_ kinds: Set<DataKind>, _ work: @escaping @Sendable (OpsEnvironment) -> Void) {
        let patterns = patterns, readOnly = readOnly, actor = actor, now = now
        pollers.perform(kinds) { redis, senders in
            work(OpsEnvironment(redis: redis, patterns: patterns, readOnly: readOnly, actor: actor, now: now, senders: senders))
        }
    }

    private static func flip(_ env: OpsEnvironment, toggle: String, to on: Bool, expectedRaw: String, reason: String?) -> FlipOutcome {
        // Compare against what the screen showed: a change made since then is a conflict.
        let expected = ToggleValue(expectedRaw).state
        do {
            let result = try ToggleStore.flip(env, name: toggle, to: on, expect: expected, reason: reason)
            return .done(toggle: toggle, old: result.old, new: result.new, logFailure: result.logFailure, note: result.note)
        } catch .conflict(let name, _, let current) {
            let last = (try? AuditStore.history(env, toggle: name, limit: 1))?.first.flatMap(AuditSummary.init)
            return .conflict(toggle: name, expected: expectedRaw, current: current, lastChange: last)
        } catch {
            return .failed(error.description)
        }
    }

    private func search(_ env: OpsEnvironment, _ text: String, range: ErrorRange, window: Double) -> SearchOutcome {
        do {
            let module = try searchModule.module(env)
            let query = try ErrorQuery(text)
            let result = try WindowedErrorSearch.run(
                ErrorStore(module: module), env, query: query, range: range, window: window, now: now())
            return .success(ErrorSearchView(result, query: query))
        } catch {
            return .failure(error.description)
        }
    }

    private static func sessionDetail(_ env: OpsEnvironment, key: String, at now: Date) -> SessionDetailOutcome {
        do {
            let session = try SessionStore.show(env, key: RedisKey(key))
            let toggles = try ToggleStore.list(env)
            let decisions = FeatureRule().decisions(for: session, toggles: toggles)
            return .loaded(SessionDetail(session: SessionRow(session), fetchedAt: now, decisions: decisions.map(DecisionRow.init)))
        } catch {
            return .failed(key: key, error: error.description)
        }
    }
}
