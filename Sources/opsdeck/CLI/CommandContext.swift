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
    let patterns: KeyPatterns
    let readOnly: Bool
    let production: Bool
    /// Flips need a reason (the context's `require-reason`, by default in production).
    let requireReason: Bool
    let actor: String
    let config: OpsdeckConfig

    init(_ options: ConnectionOptions) throws {
        let (config, _) = try OpsdeckConfig.load(path: options.config)
        let selected = try config.context(named: options.context)
        let context = selected?.context ?? OpsdeckConfig.Context()
        self.config = config
        contextName = selected?.name

        // Precedence (README, "Connecting"): flags, then OPSDECK_URL, then the context's url,
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
            Output.error("warning: TLS without verifying the server's certificate or name (--insecure)")
        }
        if let user = options.user ?? context.user { endpoint.username = user }
        if options.askpass {
            endpoint.password = try Self.promptPassword(for: endpoint)
        } else if endpoint.password == nil, let password = ProcessInfo.processInfo.environment["REDISCLI_AUTH"] {
            endpoint.password = password
        }
        self.endpoint = endpoint
        let timeout = options.timeout ?? 5
        let cluster = options.cluster ?? context.cluster
        connectionOptions = RedisConnectionOptions(
            endpoint: endpoint, connectTimeout: timeout, readTimeout: timeout,
            topology: cluster.map { $0 ? .cluster : .standalone } ?? .auto)
        patterns = context.patterns ?? KeyPatterns()
        readOnly = options.readOnly || (context.readOnly ?? false)
        production = context.production ?? false
        requireReason = context.requireReason ?? production
        actor = options.actor ?? context.actor ?? OpsEnvironment.defaultActor()
    }

    /// Connects now, so an unreachable server or a bad password fails fast with its own exit code.
    func connect() throws -> any RedisLink {
        let connection = RedisLinks.make(connectionOptions)
        try connection.connect()
        return connection
    }

    /// A connected environment for the data-model stores.
    func environment() throws -> OpsEnvironment {
        OpsEnvironment(redis: try connect(), patterns: patterns, readOnly: readOnly, actor: actor)
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
