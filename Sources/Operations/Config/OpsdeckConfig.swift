import Foundation
import Spelling
import Yams

/// The config file: named contexts (prod, staging…) with an endpoint, read-only and production
/// flags and key patterns, plus UI preferences. YAML, parsed with Yams and checked strictly
/// against `ConfigShape` (see `OpsdeckConfig+Loading.swift`). A plain value; thread-safe.
///
/// ```yaml
/// current-context: staging
/// theme: dark
/// interval: 1
/// bell: true
/// copy: osc52
/// mouse: on
/// guard: { rule: "errors > 20 in 5m", for: 15m }
/// contexts:
///   prod:
///     url: redis://prod-redis.internal:6379/0
///     read-only: true
///     production: true
///     patterns: { toggles: "toggle:*", error-prefix: "error:" }
///   staging:
///     url: unix:///run/redis/redis.sock
/// ```
public struct OpsdeckConfig: Sendable, Codable, Hashable {
    public var currentContext: String?
    public var theme: String?
    /// Poll interval of the dashboard, in seconds.
    public var interval: Double?
    /// Ring the terminal's bell with the dashboard's notices (a toggle flipped elsewhere, errors
    /// spiking, a failover); off unless asked.
    public var bell: Bool?
    /// How the dashboard's `y` copies: `osc52` (the default) or `off` for terminals that refuse it.
    public var copy: CopyMode?
    /// Clicks and the wheel in the dashboard: `on` (the default, where the terminal reports the
    /// mouse) or `off`, which leaves the terminal's own text selection alone.
    public var mouse: MouseMode?
    /// What the dashboard's flip dialog fills in when a guard is added (`g`); built-in defaults
    /// when absent (`GuardDefaults.builtIn`).
    public var guardDefaults: GuardDefaults?
    public var contexts: [String: Context]

    public struct Context: Sendable, Codable, Hashable {
        public var url: String?
        public var readOnly: Bool?
        /// A production context asks the user to type the toggle's name to confirm a flip.
        public var production: Bool?
        public var patterns: KeyPatterns?
        public var user: String?
        /// TLS settings for this context's server (see `TLSConfig`).
        public var tls: TLSConfig?
        /// Who the audit trail names for flips made with this context (`--as` wins; default
        /// `$USER@host`).
        public var actor: String?
        /// Whether a flip needs a reason (default: in a production context).
        public var requireReason: Bool?
        /// true: the url is a Redis Cluster node (refused if it is not); false: one server even
        /// if it is a cluster node; absent: asked on connect.
        public var cluster: Bool?
        /// The ACL user for the Sentinels of a `redis+sentinel://` url (their password:
        /// `OPSDECK_SENTINEL_AUTH`).
        public var sentinelUser: String?
        /// Kinds of data kept in other databases than `url` (`sessions`, `errors`, `logs`,
        /// `toggles`), keyed by `DataKind`'s raw value; `ConfigShape` refuses other keys.
        public var endpoints: [String: EndpointConfig]?

        public init(
            url: String? = nil, readOnly: Bool? = nil, production: Bool? = nil,
            patterns: KeyPatterns? = nil, user: String? = nil, tls: TLSConfig? = nil
        ) {
            self.url = url
            self.readOnly = readOnly
            self.production = production
            self.patterns = patterns
            self.user = user
            self.tls = tls
        }

        enum CodingKeys: String, CodingKey {
            case url, production, patterns, user, tls, actor, cluster, endpoints
            case requireReason = "require-reason"
            case readOnly = "read-only"
            case sentinelUser = "sentinel-user"
        }
    }

    public init(
        currentContext: String? = nil, theme: String? = nil, interval: Double? = nil,
        contexts: [String: Context] = [:]
    ) {
        self.currentContext = currentContext
        self.theme = theme
        self.interval = interval
        self.contexts = contexts
    }

    enum CodingKeys: String, CodingKey {
        case theme, interval, contexts, bell, copy, mouse
        case guardDefaults = "guard"
        case currentContext = "current-context"
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        currentContext = try values.decodeIfPresent(String.self, forKey: .currentContext)
        theme = try values.decodeIfPresent(String.self, forKey: .theme)
        interval = try values.decodeIfPresent(Double.self, forKey: .interval)
        bell = try values.decodeIfPresent(Bool.self, forKey: .bell)
        copy = try values.decodeIfPresent(CopyMode.self, forKey: .copy)
        mouse = try values.decodeIfPresent(MouseMode.self, forKey: .mouse)
        guardDefaults = try values.decodeIfPresent(GuardDefaults.self, forKey: .guardDefaults)
        contexts = try values.decodeIfPresent([String: Context].self, forKey: .contexts) ?? [:]
    }

    /// The named context, or the current one; nil when the config names none.
    public func context(named name: String?) throws(OperationsError) -> (name: String, context: Context)? {
        guard let wanted = name ?? currentContext else { return nil }
        guard let context = contexts[wanted] else {
            let known = contexts.keys.sorted()
            let hint = Suggestion.didYouMean(wanted, among: known) ?? (known.isEmpty ? nil : "known: \(known.joined(separator: ", "))")
            throw .invalidInput("no context '\(wanted)' in the config" + (hint.map { " (\($0))" } ?? ""))
        }
        return (wanted, context)
    }
}

extension OpsdeckConfig {
    /// The config's `copy:` values.
    public enum CopyMode: String, Sendable, Codable, Hashable, CaseIterable {
        case osc52, off
    }

    /// The config's `mouse:` values.
    public enum MouseMode: String, Sendable, Codable, Hashable, CaseIterable {
        case on, off
    }
}

extension OpsdeckConfig {
    /// The config's `guard:` block: the rule and duration the dashboard's flip dialog proposes
    /// for a guard (docs/guarded-flips.md, "From the dashboard"). Checked by `ConfigShape`.
    public struct GuardDefaults: Sendable, Codable, Hashable {
        public var rule: String?
        public var duration: String?

        /// What the dialog proposes when the config says nothing.
        public static let builtIn = (rule: "errors > 20 in 5m", duration: "15m")

        public init(rule: String? = nil, duration: String? = nil) {
            self.rule = rule
            self.duration = duration
        }

        enum CodingKeys: String, CodingKey {
            case rule
            case duration = "for"
        }
    }
}

extension OpsdeckConfig.Context {
    /// The context's own endpoint for `kind`, if it gives one.
    public func endpoint(for kind: DataKind) -> EndpointConfig? {
        endpoints?[kind.rawValue]
    }
}
