import ArgumentParser
import Operations

/// Connection and context options shared by every subcommand, redis-cli style.
/// The password never has to be on the command line: `REDISCLI_AUTH` or `--askpass`.
struct ConnectionOptions: ParsableArguments {
    @Option(
        name: [.short, .customLong("url")],
        help: ArgumentHelp(
            "Redis URL: redis://[user[:password]@]host[:port][/db], rediss://… (TLS), unix:///path/redis.sock[?db=N], or redis+sentinel://host:26379[,host:port…]/MASTER[/db].",
            valueName: "url"))
    var url: String?

    @Option(name: [.customShort("h"), .long], help: "Server hostname (default 127.0.0.1).")
    var host: String?

    @Option(name: [.short, .long], help: "Server port (default 6379).")
    var port: Int?

    @Option(name: [.short, .long], help: "Server Unix socket (overrides host and port).")
    var socket: String?

    @Option(name: [.customShort("n"), .customLong("db")], help: "Database number.")
    var database: Int?

    @Option(name: .long, help: "ACL user name (the password comes from REDISCLI_AUTH or --askpass).")
    var user: String?

    @Flag(name: .long, help: "Prompt for the password on the terminal.")
    var askpass = false

    @Option(
        name: .long,
        help:
            "Seconds the whole command may take: connecting, every reply, reconnects (default: 5 for each reply, no overall limit; the dashboard and --follow: for each reply)."
    )
    var timeout: Double?

    @Option(
        name: .customLong("endpoint"),
        help: ArgumentHelp(
            "Where one kind of data lives, when not at the main URL (repeatable): toggles, sessions, errors or logs.",
            valueName: "kind=url"))
    var endpoints: [String] = []

    @Option(
        name: .long, help: "Config file (default $OPSDECK_CONFIG, $XDG_CONFIG_HOME/opsdeck/config.yaml, ~/.config/opsdeck/config.yaml).")
    var config: String?

    @Option(name: .long, help: "Named context from the config file (e.g. prod, staging).")
    var context: String?

    @Flag(name: .long, help: "Refuse every write (flips, log and error writes).")
    var readOnly = false

    @Flag(
        inversion: .prefixedNo,
        help: ArgumentHelp(
            "Treat the server as a Redis Cluster node (--no-cluster: as one server). Default: ask it.",
            discussion: "On a cluster every command is routed to the node that owns its key; walks cover every master."))
    var cluster: Bool?

    @OptionGroup(title: "TLS")
    var tlsOptions: TLSOptions

    @Option(name: .customLong("as"), help: "Name recorded as the actor in the audit trail (default user@host).")
    var actor: String?

    func validate() throws {
        if let socket, socket.isEmpty { throw ValidationError("--socket needs a path, e.g. --socket /run/redis/redis.sock") }
        if let port, !(1...65_535).contains(port) { throw ValidationError("--port must be between 1 and 65535") }
        if let database, database < 0 { throw ValidationError("--db must be 0 or more") }
        if let timeout, !(timeout > 0 && timeout <= 3_600) { throw ValidationError("--timeout must be between 0 and 3600 seconds") }
        if let host, host.isEmpty { throw ValidationError("--host needs a name or address") }
        for entry in endpoints {
            guard let equals = entry.firstIndex(of: "="), equals != entry.startIndex else {
                throw ValidationError("--endpoint needs KIND=URL, e.g. --endpoint sessions=redis://sessions.internal:6379")
            }
            let kind = String(entry[..<equals])
            do { _ = try DataKind.named(kind) } catch { throw ValidationError("--endpoint: \(error.description)") }
            if endpoints.filter({ $0.hasPrefix(kind + "=") }).count > 1 {
                throw ValidationError("--endpoint \(kind) is given twice")
            }
        }
    }
}

/// `--json` for every read.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print machine-readable JSON (shapes in docs/scripting.md and docs/errors.md).")
    var json = false
}
