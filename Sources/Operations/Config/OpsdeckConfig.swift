import Foundation
import Yams

/// The config file: named contexts (prod, staging…) with an endpoint, read-only and production
/// flags and key patterns, plus UI preferences. YAML, parsed with Yams.
///
/// ```yaml
/// current-context: staging
/// theme: dark
/// interval: 1
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

        public init(url: String? = nil, readOnly: Bool? = nil, production: Bool? = nil,
                    patterns: KeyPatterns? = nil, user: String? = nil, tls: TLSConfig? = nil) {
            self.url = url
            self.readOnly = readOnly
            self.production = production
            self.patterns = patterns
            self.user = user
            self.tls = tls
        }

        enum CodingKeys: String, CodingKey {
            case url, production, patterns, user, tls
            case readOnly = "read-only"
        }
    }

    public init(currentContext: String? = nil, theme: String? = nil, interval: Double? = nil,
                contexts: [String: Context] = [:]) {
        self.currentContext = currentContext
        self.theme = theme
        self.interval = interval
        self.contexts = contexts
    }

    enum CodingKeys: String, CodingKey {
        case theme, interval, contexts
        case currentContext = "current-context"
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        currentContext = try values.decodeIfPresent(String.self, forKey: .currentContext)
        theme = try values.decodeIfPresent(String.self, forKey: .theme)
        interval = try values.decodeIfPresent(Double.self, forKey: .interval)
        contexts = try values.decodeIfPresent([String: Context].self, forKey: .contexts) ?? [:]
    }

    /// Parses YAML text; errors name the file and what is wrong.
    public static func parse(_ yaml: String, file: String) throws(OperationsError) -> OpsdeckConfig {
        do {
            if yaml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return OpsdeckConfig() }
            return try YAMLDecoder().decode(OpsdeckConfig.self, from: yaml)
        } catch let error as DecodingError {
            throw .invalidInput("config file \(file): \(Self.describe(error))")
        } catch {
            throw .invalidInput("config file \(file) is not valid YAML: \(error)")
        }
    }

    /// Loads `path`, or `$OPSDECK_CONFIG`, or `~/.config/opsdeck/config.yaml` when it exists.
    /// No file at a default location is fine (an empty config); a named file that is missing is not.
    public static func load(path: String?) throws(OperationsError) -> (config: OpsdeckConfig, file: String?) {
        let env = ProcessInfo.processInfo.environment
        let explicit = path ?? env["OPSDECK_CONFIG"]
        let file = explicit ?? (env["HOME"].map { $0 + "/.config/opsdeck/config.yaml" } ?? "")
        guard FileManager.default.fileExists(atPath: file) else {
            if let explicit { throw .invalidInput("config file \(explicit) does not exist") }
            return (OpsdeckConfig(), nil)
        }
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw .invalidInput("cannot read config file \(file): \(error.localizedDescription)")
        }
        return (try parse(text, file: file), file)
    }

    /// The named context, or the current one; nil when the config names none.
    public func context(named name: String?) throws(OperationsError) -> (name: String, context: Context)? {
        guard let wanted = name ?? currentContext else { return nil }
        guard let context = contexts[wanted] else {
            let known = contexts.keys.sorted().joined(separator: ", ")
            throw .invalidInput("no context '\(wanted)' in the config" + (known.isEmpty ? "" : " (known: \(known))"))
        }
        return (wanted, context)
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "top level" : keys.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(let type, let context): return "\(path(context)): expected \(type)"
        case .valueNotFound(let type, let context): return "\(path(context)): missing \(type)"
        case .keyNotFound(let key, let context): return "\(path(context)): missing key \(key.stringValue)"
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
