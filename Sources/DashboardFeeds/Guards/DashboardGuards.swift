import Dashboard
import Foundation
import Operations
import RedisClient
import Synchronization

/// The guards started from the dashboard's flip dialog (docs/guarded-flips.md, "From the
/// dashboard"). Each runs `GuardedFlip` (the CLI's code) on a thread of its own with its own
/// connections, so a guard's checks never wait behind a poll nor block the UI; results come
/// back as messages through `reply`. On quitting, `release` hands each guard over to a detached
/// `opsdeck toggles guard-resume` (`GuardHandOff`) or cancels it (audited).
///
/// Threading: `start` and `release` may be called from any thread; the table of running guards
/// is behind a mutex; each guard's stop request is an atomic its thread reads between checks.
public final class DashboardGuards: Sendable {
    /// One running guard: how its thread is asked to stop, and its end.
    final class Running: Sendable {
        /// 0 watch, 1 hand over (stop, record left running), 2 stop (the record ends).
        let mode = Atomic<Int>(0)
        let done = DispatchSemaphore(value: 0)
        let outcome = Mutex<GuardedFlip.Outcome?>(nil)
    }

    let groups: [(kinds: [DataKind], options: RedisConnectionOptions)]
    let patterns: KeyPatterns
    let readOnly: Bool
    let actor: String
    let now: @Sendable () -> Date
    let reply: @Sendable (Message) -> Void
    let running = Mutex<[String: Running]>([:])
    /// Seconds between checks (1, as the CLI's default); tests keep it.
    let interval: TimeInterval

    public init(
        groups: [(kinds: [DataKind], options: RedisConnectionOptions)], patterns: KeyPatterns, readOnly: Bool, actor: String,
        now: @escaping @Sendable () -> Date, interval: TimeInterval = 1, reply: @escaping @Sendable (Message) -> Void
    ) {
        self.groups = groups
        self.patterns = patterns
        self.readOnly = readOnly
        self.actor = actor
        self.now = now
        self.interval = interval
        self.reply = reply
    }

    /// The toggles this dashboard guards now.
    public var toggles: [String] { running.withLock { Array($0.keys).sorted() } }

    /// A fresh environment with its own connections (one per distinct endpoint), for one thread.
    func environment() throws(OperationsError) -> OpsEnvironment {
        var links: [DataKind: any RedisLink] = [:]
        for group in groups {
            let link = RedisLinks.make(group.options)
            for kind in group.kinds { links[kind] = link }
        }
        guard let toggles = links[.toggles] else { throw .invalidInput("no database for toggles") }
        do { try toggles.connect() } catch { throw .redis(error) }
        return OpsEnvironment(
            redis: toggles, patterns: patterns, readOnly: readOnly, actor: actor, now: now,
            senders: groups.count > 1 ? links : [:])
    }

    /// Starts the guarded flip the dialog confirmed, on its own thread.
    public func start(toggle: String, on: Bool, expectedRaw: String, reason: String?, rule text: String, duration: String) {
        let rule: GuardRule
        do { rule = try GuardRule(text) } catch {
            return reply(.guardRefused(toggle: toggle, problem: error.description))
        }
        guard let seconds = GuardRule.seconds(duration) else {
            return reply(
                .guardRefused(toggle: toggle, problem: "'\(duration)' is not a duration: a number and s, m or h (90s, 15m, 1h)"))
        }
        let entry = Running()
        let added = running.withLock { table in
            guard table[toggle] == nil else { return false }
            table[toggle] = entry
            return true
        }
        guard added else { return reply(.guardRefused(toggle: toggle, problem: "this dashboard already guards it")) }
        var guarded = GuardedFlip(name: toggle, on: on, rule: rule, duration: seconds, reason: reason)
        guarded.expectRaw = expectedRaw
        guarded.interval = interval
        let configured = guarded
        let thread = Thread { [self] in
            let outcome = watch(configured, entry: entry, toggle: toggle, expectedRaw: expectedRaw)
            entry.outcome.withLock { $0 = outcome }
            running.withLock { table in if table[toggle] === entry { table[toggle] = nil } }
            entry.done.signal()
        }
        thread.name = "opsdeck-guard"
        thread.start()
    }

    /// The guard's thread: claim, flip, watch; says each step. Nil when it never ran.
    private func watch(_ guarded: GuardedFlip, entry: Running, toggle: String, expectedRaw: String) -> GuardedFlip.Outcome? {
        do {
            let env = try environment()
            var holder = ("?", "?")
            let outcome = try guarded.run(
                env, shouldStop: { entry.mode.load(ordering: .relaxed) == 2 },
                handOff: { entry.mode.load(ordering: .relaxed) == 1 }, held: { holder = ($0, $1) },
                report: { self.reply(.guardWarning(toggle: toggle, text: $0)) },
                flipped: { flip in
                    self.reply(
                        .flipFinished(
                            .done(toggle: toggle, old: flip.old, new: flip.new, logFailure: flip.logFailure, note: flip.note)))
                    self.reply(
                        .guardStarted(toggle: toggle, rule: guarded.rule.text, ends: self.now().addingTimeInterval(guarded.duration)))
                })
            guard let outcome else {
                reply(.guardRefused(toggle: toggle, problem: "already guarded by \(holder.0) since \(holder.1)"))
                return nil
            }
            if let summary = Self.summary(outcome) { reply(.guardEnded(toggle: toggle, summary: summary.text, alarm: summary.alarm)) }
            return outcome
        } catch .conflict(let name, _, let current) {
            reply(.flipFinished(.conflict(toggle: name, expected: expectedRaw, current: current, lastChange: nil)))
        } catch {
            reply(.flipFinished(.failed(error.description)))
        }
        return nil
    }

    /// What the dashboard says when a guard ends (nil: handed over, said by the quit).
    static func summary(_ outcome: GuardedFlip.Outcome) -> (text: String, alarm: Bool)? {
        switch outcome {
        case .notNeeded(let flip): ("already \(flip.new); nothing to guard", false)
        case .held(let flip, let figures, _): ("guard held (\(figures)); stays \(flip.new)", false)
        case .reverted(_, let revert, let figures): ("auto-revert: \(figures); back to \(revert.new) (audited)", true)
        case .notReverted(let flip, let figures, let current):
            ("guard rule broken (\(figures)) but it is now \(current), not \(flip.new): not reverted", true)
        case .interrupted(let flip, let figures, _, _): ("guard stopped; stays \(flip.new) (\(figures))", false)
        case .cancelled(let flip, _, let by): ("guard cancelled by \(by); stays \(flip.new)", false)
        case .handedOff: nil
        }
    }
}
