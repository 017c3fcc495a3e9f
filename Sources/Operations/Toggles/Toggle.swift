import RedisClient
import Versioning

/// One feature toggle: a hash with a `toggle` field (docs/DATA-MODEL.md), read in one HGETALL.
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
    /// Fields other than the four well-known ones: usually none, so a snapshot of thousands of
    /// toggles allocates no dictionary per toggle (decoding was most of a snapshot's cost).
    public let otherFields: [String: String]

    /// Every field of the hash: the well-known ones and the others.
    public var fields: [String: String] {
        var all = otherFields
        all["toggle"] = value.raw
        if let releaseNum { all["releaseNum"] = releaseNum }
        if let fingerprint { all["fingerprint"] = fingerprint }
        if let override { all["override"] = override }
        return all
    }

    public var id: RedisKey { key }
    public var state: ToggleState { value.state }
    public var releaseVersion: ReleaseVersion? { releaseNum.map(ReleaseVersion.init) }

    /// Builds a toggle from a hash's fields; nil when there is no `toggle` field.
    public init?(key: RedisKey, name: String, pairs: [(String, String)]) {
        var collector = FieldCollector()
        for (field, value) in pairs { collector.add(field, value) }
        guard let raw = collector.raw else { return nil }
        self.init(
            key: key, name: name, raw: raw, release: collector.release, fingerprint: collector.fingerprint,
            override: collector.override, others: collector.others)
    }

    /// Builds a toggle straight from an HGETALL reply (no intermediate values); nil for an error
    /// reply (the key changed type) or a hash without a `toggle` field. Field names are compared
    /// in the reply's memory (most are the four known), into locals: a collector struct passed
    /// on was copied field by field through value witnesses (callgrind, issue 28).
    public init?(key: RedisKey, name: String, reply: ReplyView) {
        guard !reply.isError else { return nil }
        let count = reply.count
        var raw: String?, release: String?, fingerprint: String?, override: String?
        var others: [String: String] = [:]
        var index = 0
        while index + 1 < count {
            let field = reply[index]
            let value = reply[index + 1].string ?? ""
            if field.hasText("toggle") {
                raw = value
            } else if field.hasText("releaseNum") {
                release = value
            } else if field.hasText("fingerprint") {
                fingerprint = value
            } else if field.hasText("override") {
                override = value
            } else {
                others[field.string ?? ""] = value
            }
            index += 2
        }
        guard let raw else { return nil }
        self.init(key: key, name: name, raw: raw, release: release, fingerprint: fingerprint, override: override, others: others)
    }

    private init(
        key: RedisKey, name: String, raw: String, release: String?, fingerprint: String?, override: String?,
        others: [String: String]
    ) {
        self.key = key
        self.name = name
        self.value = ToggleValue(raw)
        self.releaseNum = release
        self.fingerprint = fingerprint
        self.override = override
        self.audiences = Self.audiences(of: override)
        self.otherFields = others
    }

    /// Sorts fields into the well-known ones and the rest, in one pass.
    private struct FieldCollector {
        var others: [String: String] = [:]
        var raw: String?, release: String?, fingerprint: String?, override: String?

        mutating func add(_ field: String, _ value: String) {
            switch field {
            case "toggle": raw = value
            case "releaseNum": release = value
            case "fingerprint": fingerprint = value
            case "override": override = value
            default: others[field] = value
            }
        }
    }

    /// Comma-separated audiences, trimmed; empty entries (",,", trailing comma) ignored.
    public static func audiences(of override: String?) -> [String] {
        guard let override, !override.isEmpty else { return [] }
        // The usual override is one audience: no comma, and printable ASCII at both ends, so
        // nothing to trim. Said from its bytes; splitting and trimming by Unicode scalars cost
        // 5,600 instructions per toggle (callgrind, issue 28).
        let utf8 = override.utf8
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last),
            !utf8.contains(0x2C)
        {
            return [override]
        }
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
    enum CodingKeys: String, CodingKey, CaseIterable {
        case key, name, value, state, releaseNum, fingerprint, override, audiences, fields
    }

    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeEveryKey(CodingKeys.self) { jsonKey in
            switch jsonKey {
            case .key: key.text
            case .name: name
            case .value: value
            case .state: state
            case .releaseNum: releaseNum
            case .fingerprint: fingerprint
            case .override: self.override
            case .audiences: audiences
            case .fields: fields
            }
        }
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
