import Foundation
import Operations
import RedisClient

#if canImport(Glibc)
    import Glibc
#endif

/// What a subcommand works with, resolved from flags, the environment and the config file
/// (flags win, then `OPSDECK_URL`, then the `--context` or current context, then
/// redis://127.0.0.1:6379).
/// Owned by the main thread for the life of one command.
struct CommandContext {
    let contextName: String?
    let endpoint: RedisEndpoint
    let connectionOptions: RedisConnectionOptions
    /// Each kind's endpoint: `connectionOptions` unless the context's `endpoints:` or an
    /// `--endpoint KIND=URL` says otherwise.
    let kinds: KindEndpoints
    let patterns: KeyPatterns
    let readOnly: Bool
    let production: Bool
    /// Flips need a reason (the context's `require-reason`, by default in production).
    let requireReason: Bool
    let actor: String
    let config: OpsdeckConfig

    /// `wholeCommand`: an explicit `--timeout` is the deadline of the whole command (connect,
    /// every round trip, reconnects); false for what runs until stopped (the dashboard,
    /// `logs tail --follow`), where it bounds each reply.
    /// `warn`: where warnings go (stderr; the dashboard's `:ctx` shows them on screen instead).
    init(_ options: ConnectionOptions, wholeCommand: Bool = true, warn: (String) -> Void = { Output.error($0) }) throws {
        let (config, _) = try OpsdeckConfig.load(path: options.config)
        let selected = try config.context(named: options.context)
        let context = selected?.context ?? OpsdeckConfig.Context()
        self.config = config
        contextName = selected?.name

        // Precedence (docs/connecting.md, "Options"): flags, then OPSDECK_URL, then the context's url,
        // then the default. The context's other settings (read-only, production, patterns)
        // apply whichever endpoint wins: they only ever tighten.
        var endpoint: RedisEndpoint
        let environmentURL = ProcessInfo.processInfo.environment["OPSDECK_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if let url = options.url ?? environmentURL ?? context.url {
            endpoint = try RedisEndpoint(url: url)
        } else {
            endpoint = RedisEndpoint(address: .tcp(host: "127.0.0.1", port: RedisEndpoint.defaultPort))
        }
        if let socket = options.socket {
            endpoint.address = .unix(path: socket)
        } else if options.host != nil || options.port != nil {
            var host = "127.0.0.1"
            var port = RedisEndpoint.defaultPort
            if case .tcp(let currentHost, let currentPort) = endpoint.address {
                host = currentHost
                port = currentPort
            }
            endpoint.address = .tcp(host: options.host ?? host, port: options.port ?? port)
        }
        if let database = options.database { endpoint.database = database }
        var isUnixSocket = false
        if case .unix = endpoint.address { isUnixSocket = true }
        endpoint.tls = try options.tlsOptions.resolve(fromURL: endpoint.tls, context: context.tls, isUnixSocket: isUnixSocket)
        if endpoint.tls?.insecure == true {
            // CI logs must show that this run trusted whatever answered.
            warn("warning: TLS without verifying the server's certificate or name (--insecure)")
        }
        let user = options.user ?? context.user
        if let user { endpoint.username = user }
        var typedPassword: String?
        if options.askpass {
            typedPassword = try Self.promptPassword(for: endpoint)
            endpoint.password = typedPassword
        } else if endpoint.password == nil, let password = ProcessInfo.processInfo.environment["REDISCLI_AUTH"] {
            endpoint.password = password
        }
        Self.sentinelCredentials(&endpoint, user: context.sentinelUser)
        self.endpoint = endpoint
        let timeout = options.timeout ?? 5
        let deadline = wholeCommand ? options.timeout.map { CommandDeadline(seconds: $0) } : nil
        // --cluster/--no-cluster and the context's cluster: hold for every kind's endpoint.
        let cluster = options.cluster ?? context.cluster
        let topology: RedisTopology = cluster.map { $0 ? .cluster : .standalone } ?? .auto
        connectionOptions = RedisConnectionOptions(
            endpoint: endpoint, connectTimeout: timeout, readTimeout: timeout, topology: topology, deadline: deadline)

        // Each kind (docs/connecting.md, "Split databases"): its `--endpoint` flag; else, when a URL came
        // from the flags or OPSDECK_URL, that URL (pointing opsdeck elsewhere must not leave
        // one kind behind on the context's server); else the context's `endpoints:` entry; else
        // the endpoint above.
        let flagged = try Self.flaggedEndpoints(options.endpoints)
        let redirected =
            options.url != nil || environmentURL != nil || options.socket != nil
            || options.host != nil || options.port != nil
        var perKind: [DataKind: RedisConnectionOptions] = [:]
        for kind in DataKind.allCases {
            let configured = redirected ? nil : context.endpoint(for: kind)
            guard let url = flagged[kind] ?? configured?.url else {
                perKind[kind] = connectionOptions
                continue
            }
            var own = try RedisEndpoint(url: url)
            var isUnix = false
            if case .unix = own.address { isUnix = true }
            // A kind's own `tls:` block, else, for a rediss:// URL, the context's settings (same
            // deployment, same CA). A redis:// URL without its own block stays plaintext, so a
            // kind can leave a TLS context's TLS; a Unix socket never takes any.
            let inherited = own.tls != nil && !isUnix ? context.tls : nil
            let block = flagged[kind] == nil ? (configured?.tls ?? inherited) : inherited
            // The TLS flags (--cacert…) are for the endpoints that use TLS: a plaintext kind beside
            // a TLS default endpoint is not an error.
            if own.tls != nil || block != nil || options.tlsOptions.tls {
                own.tls = try options.tlsOptions.resolve(fromURL: own.tls, context: block, isUnixSocket: isUnix)
            }
            if own.username == nil, let user { own.username = user }
            if own.password == nil { own.password = typedPassword ?? ProcessInfo.processInfo.environment["REDISCLI_AUTH"] }
            Self.sentinelCredentials(&own, user: context.sentinelUser)
            if own.tls?.insecure == true, endpoint.tls?.insecure != true {
                warn("warning: TLS without verifying the \(kind.rawValue) server's certificate or name (--insecure)")
            }
            perKind[kind] = RedisConnectionOptions(
                endpoint: own, connectTimeout: timeout, readTimeout: timeout, topology: topology,
                deadline: deadline)
        }
        kinds = KindEndpoints(options: perKind)
        patterns = context.patterns ?? KeyPatterns()
        readOnly = options.readOnly || (context.readOnly ?? false)
        production = context.production ?? false
        requireReason = context.requireReason ?? production
        actor = options.actor ?? context.actor ?? OpsEnvironment.defaultActor()
    }

    /// An environment for the data-model stores with one link per distinct endpoint, those of
    /// `connecting` connected now (fails fast with the exit code of what went wrong), the
    /// others on first use. Each store reads its own kind's link (`OpsEnvironment.on`).
    func environment(connecting: Set<DataKind> = [.toggles]) throws -> OpsEnvironment {
        let links = try kinds.links(connecting: connecting)
        return OpsEnvironment(
            redis: links[.toggles]!, patterns: patterns, readOnly: readOnly, actor: actor,
            senders: kinds.isSplit ? links : [:])
    }

    /// `--endpoint KIND=URL` entries by kind (checked by `ConnectionOptions.validate`).
    private static func flaggedEndpoints(_ entries: [String]) throws -> [DataKind: String] {
        var found: [DataKind: String] = [:]
        for entry in entries {
            guard let equals = entry.firstIndex(of: "=") else { continue }
            found[try DataKind.named(String(entry[..<equals]))] = String(entry[entry.index(after: equals)...])
        }
        return found
    }

    /// The Sentinels' own credentials (a `redis+sentinel://` URL's are the data's): the
    /// context's `sentinel-user` and `OPSDECK_SENTINEL_AUTH`, as REDISCLI_AUTH is for the data.
    private static func sentinelCredentials(_ endpoint: inout RedisEndpoint, user: String?) {
        guard endpoint.sentinel != nil else { return }
        endpoint.sentinel?.username = user
        endpoint.sentinel?.password = ProcessInfo.processInfo.environment["OPSDECK_SENTINEL_AUTH"].flatMap { $0.isEmpty ? nil : $0 }
    }

    private static func promptPassword(for endpoint: RedisEndpoint) throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            throw OperationsError.invalidInput("--askpass needs a terminal; in scripts set REDISCLI_AUTH instead")
        }
        guard let entered = getpass("Password for \(endpoint): ") else {
            throw OperationsError.invalidInput("no password entered")
        }
        return String(cString: entered)
    }
}
