import RedisClient

/// One feature toggle: a hash with a `toggle` field (DESIGN.md §1), read in one HGETALL.
///
/// An immutable value snapshot; `Sendable`, so the poller can hand it to the UI. `fields` holds
/// every field of the hash as text (invalid UTF-8 replaced), the well-known ones are broken out.
public struct Toggle: Sendable, Hashable, Codable, Identifiable {
    public let key: RedisKey
    /// The toggle's name: the key without the fixed prefix of the discovery pattern
    /// (`toggle:*` finds `toggle:useNewAlgorithm`, named `useNewAlgorithm`); see `ToggleNaming`.
    public let name: String
    public let value: ToggleValue
    public let releaseNum: String?
    public let fingerprint: String?
    public let override: String?
    /// The `override` split on commas, trimmed, empties dropped: the audiences the toggle targets.
    public let audiences: [String]
    public let fields: [String: String]

    public var id: RedisKey { key }
    public var state: ToggleState { value.state }
    public var releaseVersion: ReleaseVersion? { releaseNum.map(ReleaseVersion.init) }

    /// Builds a toggle from a hash's fields; nil when there is no `toggle` field.
    public init?(key: RedisKey, name: String, pairs: [(String, String)]) {
        // A snapshot decodes thousands of these per poll: size the dictionary once and pick the
        // known fields in the same pass (the benchmark measured this initializer at 31%).
        var fields = [String: String](minimumCapacity: pairs.count)
        var raw: String?, release: String?, fingerprint: String?, override: String?
        for (field, value) in pairs {
            fields[field] = value
            switch field {
            case "toggle": raw = value
            case "releaseNum": release = value
            case "fingerprint": fingerprint = value
            case "override": override = value
            default: break
            }
        }
        guard let raw else { return nil }
        self.key = key
        self.name = name
        self.value = ToggleValue(raw)
        self.releaseNum = release
        self.fingerprint = fingerprint
        self.override = override
        self.audiences = Self.audiences(of: override)
        self.fields = fields
    }

    /// Comma-separated audiences, trimmed; empty entries (",,", trailing comma) ignored.
    public static func audiences(of override: String?) -> [String] {
        guard let override else { return [] }
        return override.split(separator: ",", omittingEmptySubsequences: false)
            .map { String($0).trimmingWhitespace() }
            .filter { !$0.isEmpty }
    }

    /// The same toggle with another raw value (as after a flip).
    public func with(value raw: String) -> Toggle {
        var pairs = fields.map { ($0.key, $0.value) }
        pairs.removeAll { $0.0 == "toggle" }
        pairs.append(("toggle", raw))
        return Toggle(key: key, name: name, pairs: pairs)!
    }

    // JSON: stable keys, `null` for absent optional fields, the state spelled out for scripts.
    enum CodingKeys: String, CodingKey {
        case key, name, value, state, releaseNum, fingerprint, override, audiences, fields
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key.text, forKey: .key)
        try container.encode(name, forKey: .name)
        try container.encode(value, forKey: .value)
        try container.encode(state, forKey: .state)
        try container.encode(releaseNum, forKey: .releaseNum)
        try container.encode(fingerprint, forKey: .fingerprint)
        try container.encode(override, forKey: .override)
        try container.encode(audiences, forKey: .audiences)
        try container.encode(fields, forKey: .fields)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var fields = try container.decode([String: String].self, forKey: .fields)
        fields["toggle"] = try container.decode(ToggleValue.self, forKey: .value).raw
        let key = RedisKey(try container.decode(String.self, forKey: .key))
        let name = try container.decode(String.self, forKey: .name)
        self.init(key: key, name: name, pairs: fields.map { ($0.key, $0.value) })!
    }
}
