import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import RedisClient
import Spelling

/// Discovers, reads and flips feature toggles (docs/DATA-MODEL.md: any hash with a `toggle` field).
///
/// Stateless: every function takes the environment and runs on the thread that owns
/// `env.redis`. Reads are pipelined (one round trip for all hashes); the only write, `flip`,
/// goes through `env.gate` as one atomic script.
public enum ToggleStore {
    /// Keys of every toggle under `patterns.toggles`: a `ToggleDiscovery` walk run to its end
    /// (SCAN with COUNT and `TYPE hash`, never KEYS; each page checked with one pipeline of
    /// HEXISTS). `progress`, when given, is called after every page with the keys scanned and
    /// the toggles found so far.
    public static func discover(
        _ env: OpsEnvironment, progress: ((_ scanned: Int, _ found: Int) -> Void)? = nil
    ) throws(OperationsError) -> [RedisKey] {
        try env.run { redis throws(RedisError) in
            var walk = ToggleDiscovery(patterns: env.patterns)
            while !walk.isComplete {
                _ = try walk.advance(on: redis, pages: 1)
                progress?(walk.scanned, walk.keys.count)
            }
            return walk.keys
        }
    }

    /// Reads the given toggles with ONE pipelined HGETALL. Keys that vanished, changed type
    /// (WRONGTYPE) or lost their `toggle` field are skipped; order is kept. Any other error reply
    /// (BUSY, NOPERM…) throws: a refusal must not read as "this toggle is gone".
    /// Shared by every command of a snapshot: building 10,000 commands copies no name.
    private static let hgetall = Array("HGETALL".utf8)

    public static func fetch(_ env: OpsEnvironment, keys: [RedisKey]) throws(OperationsError) -> [Toggle] {
        if keys.isEmpty { return [] }
        let naming = ToggleNaming(pattern: env.patterns.toggles)
        // Decoded while each reply is still in the client's memory: no RedisValue tree per hash,
        // and (`forEachReply`) no generic result per reply; what is kept is kept here.
        var toggles: [Toggle] = []
        toggles.reserveCapacity(keys.count)
        // Each toggle's place in `keys`: a cluster hands replies over as its nodes answer.
        var places: [Int] = []
        places.reserveCapacity(keys.count)
        var inOrder = true
        var refusals: [(index: Int, message: String)] = []
        var malformed: [(index: Int, error: RedisError)] = []
        try env.run { redis throws(RedisError) in
            try redis.forEachReply(of: keys.map { RedisCommand(arguments: [Self.hgetall, $0.bytes]) }) { index, reply in
                if let message = reply.errorMessage {
                    refusals.append((index, message))
                    return
                }
                // A reply of another shape is an error, not "this toggle is gone".
                do throws(RedisError) {
                    try ReplyShape.checkStrings(reply, of: "HGETALL", pairs: true)
                } catch {
                    malformed.append((index, error))
                    return
                }
                guard let toggle = Toggle(key: keys[index], name: naming.name(of: keys[index]), reply: reply) else { return }
                if let last = places.last, last > index { inOrder = false }
                toggles.append(toggle)
                places.append(index)
            }
        }
        try env.run { _ throws(RedisError) in
            try ReplyFailure.check(refusals.sorted { $0.index < $1.index }.map { RedisValue.error($0.message) })
            if let first = malformed.min(by: { $0.index < $1.index }) { throw first.error }
        }
        if inOrder { return toggles }
        return zip(places, toggles).sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Every toggle, sorted by name (then key). `progress` as in `discover`.
    public static func list(
        _ env: OpsEnvironment, progress: ((_ scanned: Int, _ found: Int) -> Void)? = nil
    ) throws(OperationsError) -> [Toggle] {
        try fetch(env, keys: discover(env, progress: progress)).sorted { listOrder(($0.name, $0.key), ($1.name, $1.key)) }
    }

    /// The order of `list` and `listPages`: by name, then by key.
    private static func listOrder(_ a: (name: String, key: RedisKey), _ b: (name: String, key: RedisKey)) -> Bool {
        a.name < b.name || (a.name == b.name && a.key < b.key)
    }

    /// Every toggle in `list`'s order, handed to `body` a page of `pageSize` at a time, so a caller
    /// that streams (`toggles list --json`) holds one page of toggles, not all of them. The names
    /// come from the keys, so the keys are sorted before anything is read. Throws what `body`
    /// throws (a closed pipe) as it is, and `OperationsError` for Redis.
    public static func listPages(
        _ env: OpsEnvironment, pageSize: Int = 1000, progress: ((_ scanned: Int, _ found: Int) -> Void)? = nil,
        _ body: ([Toggle]) throws -> Void
    ) throws {
        let naming = ToggleNaming(pattern: env.patterns.toggles)
        let keys = try discover(env, progress: progress)
        let named: [(name: String, key: RedisKey)] = keys.map { (naming.name(of: $0), $0) }.sorted(by: listOrder)
        var start = 0
        while start < named.count {
            let end = min(start + max(pageSize, 1), named.count)
            let page = try fetch(env, keys: named[start..<end].map { $0.key })
            try body(page)
            start = end
        }
    }

    /// One toggle by the name people type (see `ToggleNaming`); `.notFound` when no such toggle,
    /// `.badData` when the key exists but is not a toggle hash.
    public static func get(_ env: OpsEnvironment, name: String) throws(OperationsError) -> Toggle {
        let naming = ToggleNaming(pattern: env.patterns.toggles)
        let candidates = naming.candidateKeys(for: name)
        let replies = try env.run { redis throws(RedisError) in
            try redis.send(candidates.flatMap { [RedisCommand("TYPE", $0), RedisCommand("HGETALL", $0)] })
        }
        var wrongType: (RedisKey, String)?
        for (index, key) in candidates.enumerated() {
            // An error reply (BUSY, NOPERM, LOADING…) is the server refusing, not an absent key.
            let type: String
            do { type = try replies[index * 2].text(of: "TYPE") } catch { throw .redis(error) }
            if type == "none" { continue }
            if type == "hash" {
                let fields = replies[index * 2 + 1]
                if let message = fields.errorMessage, !ReplyFailure.isWrongType(message) {
                    throw .redis(RedisError.fromReply(message))
                }
                guard let pairs = fields.pairs else { continue }
                if let toggle = Toggle(key: key, name: naming.name(of: key), pairs: pairs) { return toggle }
                wrongType = wrongType ?? (key, "a hash without a `toggle` field")
            } else {
                wrongType = wrongType ?? (key, "a \(type)")
            }
        }
        if let (key, what) = wrongType {
            throw .badData(
                "\(key.text) is \(what), not a toggle. Toggles are hashes with a `toggle` field; "
                    + "`opsdeck toggles list` shows them.")
        }
        throw unknown(env, name: name)
    }

    /// The error for a toggle name that names nothing, with the closest existing name. Listing
    /// the toggles costs a SCAN, so it is done only on this failure path; if the listing fails
    /// the error simply has no suggestion.
    public static func unknown(_ env: OpsEnvironment, name: String) -> OperationsError {
        let known = (try? list(env))?.map(\.name) ?? []
        return .unknownName(
            kind: "toggle", name: name, suggestion: Suggestion.closest(to: name, among: known),
            advice: "`opsdeck toggles list` shows every toggle.")
    }

    /// Sets a toggle on or off, in its own spelling, with compare-and-set and an audit entry.
    ///
    /// Reads the toggle, checks `expect` (when given) against its state, then runs ONE script
    /// that re-checks the raw value just read, writes the new value and LPUSHes the audit entry
    /// to the toggle's own audit list (`AuditKey`, capped at `auditCap`), all or nothing. A
    /// concurrent change between the read and the script is reported as `.conflict` with the
    /// current value and nothing is written. Then a log line goes to `recent:opsdeck:info`: in
    /// another slot (and perhaps on the logs' own server), so not inside the script; if it
    /// cannot be written the flip stands and the result says so (`logFailure`). Already in the
    /// target state (and matching `expect`): nothing is written, `changed` is false. Read-only
    /// refuses before anything is sent.
    ///
    /// Every flip has an id its audit entry carries. When the script's reply is lost, the
    /// outcome is looked up for up to `recovery` seconds (`FlipRecovery`): applied → the result,
    /// with a `note`; not applied → the connection error; no answer → `.outcomeUnknown`.
    /// `expectRaw`, when given, must be the exact raw value (a guard's revert: only the value it set).
    public static func flip(
        _ env: OpsEnvironment, name: String, to on: Bool, expect: ToggleState? = nil, expectRaw: String? = nil,
        reason: String? = nil, recovery: Double = 5
    ) throws(OperationsError) -> FlipResult {
        let action = "set toggle \(name) \(on ? "on" : "off")"
        try env.gate.check(action)
        let toggle = try get(env, name: name)
        let current = toggle.value
        if let expect, current.state != expect {
            throw .conflict(toggle: toggle.name, expected: expect.rawValue, current: current.raw)
        }
        if let expectRaw, current.raw != expectRaw {
            throw .conflict(toggle: toggle.name, expected: expectRaw, current: current.raw)
        }
        if current.state == ToggleState(on) {
            return FlipResult(toggle: toggle, old: current.raw, new: current.raw, audit: nil)
        }
        let newRaw = current.spelled(on)
        let now = env.now()
        let audit = AuditEntry(
            time: AsctimeTimestamp.iso8601(now), actor: env.actor, toggle: toggle.name,
            old: current.raw, new: newRaw, reason: reason.flatMap { $0.isEmpty ? nil : $0 },
            id: FlipRecovery.newID())
        var message = "toggle \(toggle.name) \(current.raw) -> \(newRaw) by \(env.actor)"
        if let reason = audit.reason { message += ": \(reason)" }
        let auditKey = AuditKey.forToggle(toggle.key, base: env.patterns.auditKey)
        let command = ToggleFlipScript.command(
            toggleKey: toggle.key, auditKey: auditKey,
            expected: current.raw, new: newRaw, auditJSON: audit.storedJSON(), auditCap: env.patterns.auditCap)
        var lostReply: RedisError?
        let outcome: ToggleFlipScript.Outcome
        do {
            let replies = try env.gate.write(action, [command], on: env.redis)
            outcome = try ToggleFlipScript.outcome(of: replies.first ?? .null)
        } catch .redis(let error) where error.isConnectionFailure {
            // The script may have run: its audit entry says (FlipRecovery).
            guard
                try FlipRecovery.wasApplied(
                    env, id: audit.id ?? "", auditKey: auditKey, toggle: toggle.name,
                    within: recovery, lost: error)
            else { throw .redis(error) }
            lostReply = error
            outcome = .flipped(old: current.raw)
        } catch .redis(let error) {
            // A replica refuses with READONLY: say it is one, and where its master is.
            throw .redis(ReplicaRole.explain(error, on: env.redis))
        }
        switch outcome {
        case .flipped:
            var result = FlipResult(toggle: toggle.with(value: newRaw), old: current.raw, new: newRaw, audit: audit)
            result.note = lostReply.map(FlipRecovery.appliedNote)
            do {
                try LogStore.write(env, name: "opsdeck", message: message, severity: .info)
            } catch {
                result.logFailure = error.description
            }
            return result
        case .conflict(let now):
            throw .conflict(toggle: toggle.name, expected: current.raw, current: now)
        case .missing(let type):
            if type == "none" { throw .notFound(what: "toggle `\(name)` (deleted meanwhile; nothing was written)") }
            throw .badData("\(toggle.key.text) became a \(type) meanwhile; nothing was written.")
        case .noToggleField:
            throw .badData("\(toggle.key.text) lost its `toggle` field meanwhile; nothing was written.")
        case .badList(let key, let type):
            throw .badData(
                "\(key) holds a \(type), not a list, so the audit entry or log line cannot be written; "
                    + "nothing was changed. Remove that key or configure another one.")
        }
    }
}
