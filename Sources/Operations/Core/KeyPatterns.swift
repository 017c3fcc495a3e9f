#if canImport(Glibc)
    import Glibc
#endif
import RedisClient

/// Where opsdeck finds things in Redis. Every name is configurable (config file, flags),
/// because real deployments use their own prefixes; the defaults follow docs/DATA-MODEL.md.
public struct KeyPatterns: Sendable, Hashable, Codable {
    /// SCAN pattern for toggle discovery: any hash with a `toggle` field under it counts.
    public var toggles: String
    /// SCAN pattern for session hashes.
    public var sessions: String
    /// SCAN pattern for recent-log lists, `recent:<name>:<severity>`.
    public var logs: String
    /// RediSearch index holding error records.
    public var errorIndex: String
    /// Key prefix of error hashes written by opsdeck where the index is 2.x (which indexes hashes
    /// under a prefix) or absent (the client-side fallback scans `<prefix>*`). RediSearch 1.x
    /// keeps the seed's format: the document id itself, `<toggle>:<MM-DD-YY-HH-MM-SS>`, is the key.
    public var errorPrefix: String
    /// List that keeps the audit trail of flips, newest first.
    public var auditKey: String
    /// How many audit entries the list keeps (LTRIM).
    public var auditCap: Int
    /// COUNT hint for every SCAN.
    public var scanCount: Int

    public init(
        toggles: String = "*",
        sessions: String = "session:*",
        logs: String = "recent:*:*",
        errorIndex: String = "toggle_errors_db",
        errorPrefix: String = "error:",
        auditKey: String = "opsdeck:audit",
        auditCap: Int = 1000,
        scanCount: Int = 1000
    ) {
        self.toggles = toggles
        self.sessions = sessions
        self.logs = logs
        self.errorIndex = errorIndex
        self.errorPrefix = errorPrefix
        self.auditKey = auditKey
        self.auditCap = auditCap
        self.scanCount = scanCount
    }

    enum CodingKeys: String, CodingKey {
        case toggles, sessions, logs
        case errorIndex = "error-index"
        case errorPrefix = "error-prefix"
        case auditKey = "audit-key"
        case auditCap = "audit-cap"
        case scanCount = "scan-count"
    }

    /// Decodes a partial `patterns:` block: missing entries keep their defaults.
    public init(from decoder: any Decoder) throws {
        let defaults = KeyPatterns()
        let values = try decoder.container(keyedBy: CodingKeys.self)
        toggles = try values.decodeIfPresent(String.self, forKey: .toggles) ?? defaults.toggles
        sessions = try values.decodeIfPresent(String.self, forKey: .sessions) ?? defaults.sessions
        logs = try values.decodeIfPresent(String.self, forKey: .logs) ?? defaults.logs
        errorIndex = try values.decodeIfPresent(String.self, forKey: .errorIndex) ?? defaults.errorIndex
        errorPrefix = try values.decodeIfPresent(String.self, forKey: .errorPrefix) ?? defaults.errorPrefix
        auditKey = try values.decodeIfPresent(String.self, forKey: .auditKey) ?? defaults.auditKey
        auditCap = try values.decodeIfPresent(Int.self, forKey: .auditCap) ?? defaults.auditCap
        scanCount = try values.decodeIfPresent(Int.self, forKey: .scanCount) ?? defaults.scanCount
    }
}

extension KeyPatterns {
    /// The fixed text a glob pattern starts with, before its first `*`, `?`, `[` or `\`:
    /// `recent:*:*` → `recent:`, `toggle:*` → `toggle:`, `*` → "".
    public static func literalPrefix(of pattern: String) -> String {
        String(pattern.prefix { !"*?[\\".contains($0) })
    }

    /// Whether `key` matches the glob `pattern` as SCAN MATCH reads it.
    public static func matches(_ key: RedisKey, _ pattern: String) -> Bool {
        fnmatch(pattern, key.text, 0) == 0
    }
}
