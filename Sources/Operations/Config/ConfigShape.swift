import RedisClient
import Yams

/// What the config file may contain: every key opsdeck knows, where it may stand, and what its
/// value must be. `ConfigValidator` walks the parsed YAML against it before anything is decoded,
/// so a misspelled key (`prodution: true`) is an error instead of a safety setting silently off.
/// A new key in `OpsdeckConfig` (or its `Context`, or `KeyPatterns`) must be added here too;
/// `ConfigTests` decodes a file with every key to keep them in step. Immutable; thread-safe.
public indirect enum ConfigShape: Sendable {
    /// A scalar checked by `check` (nil when fine, else what is wrong, e.g. "must be true or false").
    case value(@Sendable (Node) -> String?)
    /// A mapping with these keys only, in the order they are documented.
    case mapping([(key: String, shape: ConfigShape)])
    /// A mapping from names the user chooses (contexts) to values of one shape.
    case named(ConfigShape)
    /// A scalar of the first shape, or a mapping of the second (an endpoint: a URL, or `url` + `tls`).
    case scalarOrMapping(ConfigShape, ConfigShape)

    /// The whole file.
    public static let file: ConfigShape = .mapping([
        ("current-context", .text),
        ("theme", .text),
        ("interval", .number(SettingLimits.intervalProblem)),
        ("bell", .flag),
        ("copy", .oneOf(OpsdeckConfig.CopyMode.allCases.map(\.rawValue))),
        ("mouse", .oneOf(OpsdeckConfig.MouseMode.allCases.map(\.rawValue))),
        ("guard", .mapping([("rule", guardRule), ("for", guardDuration)])),
        ("contexts", .named(context)),
    ])

    /// One entry of `contexts:`.
    public static let context: ConfigShape = .mapping([
        ("url", .url),
        ("user", .text),
        ("read-only", .flag),
        ("production", .flag),
        ("patterns", patterns),
        ("tls", tls),
        ("actor", .text),
        ("require-reason", .flag),
        ("cluster", .flag),
        ("sentinel-user", .text),
        ("endpoints", .mapping(DataKind.allCases.map { ($0.rawValue, endpoint) })),
    ])

    /// One entry of a context's `endpoints:` (see `EndpointConfig`): a URL, or `url` with a
    /// `tls:` block of its own.
    public static let endpoint: ConfigShape = .scalarOrMapping(.url, .mapping([("url", .url), ("tls", tls)]))

    /// The `tls:` block of a context (see `TLSConfig`): redis-cli's TLS flags without dashes.
    public static let tls: ConfigShape = .mapping([
        ("cacert", .text), ("cacertdir", .text), ("cert", .text), ("key", .text), ("sni", .text),
        ("insecure", .flag),
    ])

    /// The `patterns:` block of a context (see `KeyPatterns`).
    public static let patterns: ConfigShape = .mapping([
        ("toggles", .text), ("sessions", .text), ("logs", .text),
        ("error-index", .text), ("error-prefix", .text), ("audit-key", .text),
        ("audit-cap", .whole(SettingLimits.countProblem)),
        ("scan-count", .whole(SettingLimits.countProblem)),
    ])

    /// A guard rule, checked by the parser `--guard` uses (same message).
    static let guardRule: ConfigShape = .value { node in
        guard let text = node.scalar?.string, node.null == nil else { return "must be a guard rule like `errors > 20 in 5m`" }
        do {
            _ = try GuardRule(text)
            return nil
        } catch {
            return OperationsError.wrap(error).description
        }
    }

    /// A guard's duration as `--for` takes it (90s, 15m, 1h).
    static let guardDuration: ConfigShape = .value { node in
        guard let text = node.scalar?.string, node.null == nil, GuardRule.seconds(text) != nil else {
            return "must be a duration: a number and s, m or h, e.g. 90s, 15m, 1h (at most a week)"
        }
        return nil
    }

    /// Any text (a scalar that is not empty).
    static let text: ConfigShape = .value { node in
        node.scalar == nil ? "must be text" : (node.null != nil ? "needs a value" : nil)
    }

    /// One of `words` (e.g. `copy: osc52|off`).
    static func oneOf(_ words: [String]) -> ConfigShape {
        .value { node in
            guard let text = node.scalar?.string, node.null == nil, words.contains(text) else {
                return "must be one of: \(words.joined(separator: ", "))"
            }
            return nil
        }
    }

    /// `true` or `false`.
    static let flag: ConfigShape = .value { node in
        node.scalar != nil && node.null == nil && node.bool != nil ? nil : "must be true or false"
    }

    /// A Redis URL, checked by the parser `--url` uses (same messages; passwords redacted).
    static let url: ConfigShape = .value { node in
        guard let text = node.scalar?.string, node.null == nil else { return "must be a Redis URL" }
        do {
            _ = try RedisEndpoint(url: text)
            return nil
        } catch {
            return (error as? RedisError)?.description ?? "must be a Redis URL"
        }
    }

    /// A number (seconds) with its limits.
    static func number(_ problem: @escaping @Sendable (Double) -> String?) -> ConfigShape {
        .value { node in
            guard node.scalar != nil, node.null == nil, let value = node.float else { return "must be a number" }
            return problem(value)
        }
    }

    /// A whole number with its limits.
    static func whole(_ problem: @escaping @Sendable (Int) -> String?) -> ConfigShape {
        .value { node in
            guard node.scalar != nil, node.null == nil, let value = node.int else { return "must be a whole number" }
            return problem(value)
        }
    }
}
