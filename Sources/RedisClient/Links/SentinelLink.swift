import Foundation

/// A link to the master that a set of Redis Sentinels watch (`redis+sentinel://`).
///
/// The master is asked of the Sentinels in turn (`SENTINEL get-master-addr-by-name`), and the
/// answer checked with `ROLE` (a Sentinel may lag behind a failover). A failover is followed
/// three ways: the master goes away (the call fails, never re-sent behind the caller's back; the
/// next call asks the Sentinels again); the master refuses a write with `READONLY` (it was
/// demoted: nothing was written, so the pipeline is sent once more to the new master); and at
/// most every `checkInterval` seconds, before a call, one Sentinel is asked whether the master
/// moved — which catches a demoted master that still answers reads. Each move is reported once
/// through `takeEvents` ("failover: master mymaster moved to …").
///
/// Ownership and threading: like `RedisConnection`, not thread-safe; one thread or serial queue
/// owns the link, its master connection and its Sentinel connection.
public final class SentinelLink: RedisLink {
    public let options: RedisConnectionOptions
    private let settings: SentinelSettings
    private var master: RedisConnection?
    private var masterAddress: SentinelSettings.Node?
    private var sentinel: RedisConnection?
    private var lastCheck: Double = 0
    private var failure: RedisError?
    private var events: [String] = []
    private var pendingSetup: [RedisCommand] = []
    /// How often a call first asks a Sentinel whether the master moved (one round trip to the
    /// Sentinel, none to the data).
    public var checkInterval: Double = 1

    public init(options: RedisConnectionOptions) {
        precondition(options.endpoint.sentinel != nil, "a SentinelLink needs an endpoint with Sentinels")
        self.options = options
        settings = options.endpoint.sentinel!
    }

    // MARK: RedisLink

    public func connect() throws(RedisError) {
        try currentMaster().connect()
    }

    public func close() {
        master?.close()
        sentinel?.close()
    }

    public func allowImmediateRetry() {
        master?.allowImmediateRetry()
        sentinel?.allowImmediateRetry()
    }

    public var isConnected: Bool { master?.isConnected ?? false }
    public var lastFailure: RedisError? { failure ?? master?.lastFailure }
    public var security: String? { master?.security }

    public var summary: String {
        "sentinel \(settings.masterName) → " + (masterAddress?.description ?? "not resolved")
    }

    public var shape: String? { summary }

    public var setupCommands: [RedisCommand] {
        get { pendingSetup }
        set {
            pendingSetup = newValue
            master?.setupCommands = newValue
        }
    }

    public var setupRefusal: String? { master?.setupRefusal }

    @discardableResult
    public func applySetup() throws(RedisError) -> String? {
        try currentMaster().applySetup()
    }

    public func takeEvents() -> [String] {
        defer { events = [] }
        return events
    }

    /// Where the master is now (nil before the first call): for the invalidation channel,
    /// which must listen where the data changes.
    public func masterOptions() throws(RedisError) -> RedisConnectionOptions {
        let node = try resolve()
        return Self.options(options, at: node)
    }

    // MARK: Sending

    public func send(_ commands: [RedisCommand]) throws(RedisError) -> [RedisValue] {
        try send(commands) { _, reply in reply.value }
    }

    public func send<T>(_ commands: [RedisCommand], decoding transform: (Int, ReplyView) -> T) throws(RedisError) -> [T] {
        if commands.isEmpty { return [] }
        var demoted = false
        let replies = try sendOnce(commands) { index, reply -> T in
            if reply.isError, reply.value.errorMessage?.hasPrefix("READONLY") == true { demoted = true }
            return transform(index, reply)
        }
        guard demoted else { return replies }
        // A demoted master refused the writes (nothing was written): ask the Sentinels, and if the
        // master moved, send once more there.
        let before = masterAddress
        lastCheck = 0
        let now = try resolve(force: true)
        guard now != before else { return replies }
        return try sendOnce(commands, transform)
    }

    private func sendOnce<T>(_ commands: [RedisCommand], _ transform: (Int, ReplyView) -> T) throws(RedisError) -> [T] {
        let connection = try currentMaster()
        do {
            return try connection.send(commands, decoding: transform)
        } catch {
            // The master went away (perhaps a failover): the next call asks the Sentinels again.
            failure = error
            lastCheck = 0
            forgetMaster()
            throw error
        }
    }

    // MARK: Resolving

    /// The master's connection, after asking a Sentinel when the last check is due.
    private func currentMaster() throws(RedisError) -> RedisConnection {
        if master == nil || RedisConnection.monotonicSeconds() - lastCheck >= checkInterval { _ = try resolve() }
        guard let master else { throw failure ?? .connectionLost(endpoint: summary, detail: "no master") }
        return master
    }

    /// Asks the Sentinels for the master (when a check is due or `force`), and moves the link
    /// there if it changed. Returns the master's address.
    @discardableResult
    private func resolve(force: Bool = false) throws(RedisError) -> SentinelSettings.Node {
        if !force, let masterAddress, master != nil, RedisConnection.monotonicSeconds() - lastCheck < checkInterval {
            return masterAddress
        }
        let found: NodeAddress
        do {
            found = try askSentinels()
        } catch {
            // Sentinels out of reach say nothing about the master: a routine check keeps the
            // master the link has (and tries the Sentinels again after the next interval).
            if !force, let masterAddress, master != nil {
                lastCheck = RedisConnection.monotonicSeconds()
                return masterAddress
            }
            throw error
        }
        lastCheck = RedisConnection.monotonicSeconds()
        if found != masterAddress || master == nil {
            if let previous = masterAddress, previous != found {
                events.append("failover: master \(settings.masterName) moved from \(previous) to \(found)")
            }
            forgetMaster()
            let connection = RedisConnection(options: Self.options(options, at: found))
            connection.setupCommands = pendingSetup
            try verifyMaster(connection, at: found)
            master = connection
            masterAddress = found
            failure = nil
        }
        return found
    }

    private func forgetMaster() {
        master?.close()
        master = nil
    }

    /// Each Sentinel in turn until one names the master; the one that answered is kept open.
    private func askSentinels() throws(RedisError) -> SentinelSettings.Node {
        var tried: [String] = []
        // The Sentinel that answered last first: one round trip when nothing moved.
        let order =
            sentinel.map { open in
                settings.nodes.filter { Self.matches(open, $0) } + settings.nodes.filter { !Self.matches(open, $0) }
            } ?? settings.nodes
        for node in order {
            let connection: RedisConnection
            if let open = sentinel, Self.matches(open, node) {
                connection = open
            } else {
                connection = RedisConnection(options: Self.sentinelOptions(options, settings, at: node))
            }
            do {
                let reply = try connection.execute("SENTINEL", "get-master-addr-by-name", settings.masterName)
                guard let parts = reply.array, parts.count == 2, let host = parts[0].string,
                    let port = parts[1].string.flatMap(Int.init)
                else {
                    tried.append("\(node): does not know a master named \(settings.masterName)")
                    continue
                }
                if sentinel !== connection { sentinel?.close() }
                sentinel = connection
                return SentinelSettings.Node(host: host, port: port)
            } catch {
                connection.close()
                if sentinel === connection { sentinel = nil }
                tried.append("\(node): \(error.shortReason)")
            }
        }
        let error = RedisError.connectionRefused(
            endpoint: "sentinels of \(settings.masterName)",
            detail: "no Sentinel named the master (" + tried.joined(separator: "; ")
                + "); check the redis+sentinel:// hosts and the master's name")
        failure = error
        throw error
    }

    /// `ROLE` must say master: a Sentinel that has not seen the failover yet names the old one.
    private func verifyMaster(_ connection: RedisConnection, at node: SentinelSettings.Node) throws(RedisError) {
        let role = try connection.send([RedisCommand("ROLE")])[0]
        if let message = role.errorMessage {
            // An ACL without +role: the Sentinel's word stands.
            if message.hasPrefix("NOPERM") { return }
            throw RedisError.fromReply(message)
        }
        guard role.array?.first?.string == "master" else {
            connection.close()
            lastCheck = 0
            throw .server(
                message:
                    "\(node), named master of \(settings.masterName) by a Sentinel, says it is a \(role.array?.first?.string ?? "?"); a failover is under way, retrying"
            )
        }
    }

    private static func matches(_ connection: RedisConnection, _ node: SentinelSettings.Node) -> Bool {
        if case .tcp(let host, let port) = connection.options.endpoint.address { return host == node.host && port == node.port }
        return false
    }

    /// The data endpoint at `node`: the URL's credentials, database and TLS.
    static func options(_ base: RedisConnectionOptions, at node: SentinelSettings.Node) -> RedisConnectionOptions {
        var options = base
        options.endpoint.sentinel = nil
        options.endpoint.address = .tcp(host: node.host, port: node.port)
        return options
    }

    /// A Sentinel's endpoint: its own credentials, database 0, the same TLS and timeouts.
    static func sentinelOptions(
        _ base: RedisConnectionOptions, _ settings: SentinelSettings,
        at node: SentinelSettings.Node
    ) -> RedisConnectionOptions {
        var options = base
        options.endpoint = RedisEndpoint(
            address: .tcp(host: node.host, port: node.port), database: 0,
            username: settings.username, password: settings.password, tls: base.endpoint.tls)
        options.reconnectBackoff = 0...0
        return options
    }
}
