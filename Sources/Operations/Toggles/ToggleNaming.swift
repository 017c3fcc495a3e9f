import RedisClient

/// Maps between toggle keys and the names people type, for a discovery pattern.
///
/// With a pattern of the form `prefix*` (one trailing `*`, no other glob characters) the name is
/// the key without the prefix, so `toggle:*` shows `toggle:useNewAlgorithm` as `useNewAlgorithm`.
/// Any other pattern (the default `*`, or `app:*:toggle`) keeps the whole key as the name.
/// A pure value; `Sendable`.
public struct ToggleNaming: Sendable, Hashable {
    public let pattern: String
    /// The fixed prefix stripped from keys, empty when names are whole keys.
    public let prefix: String

    public init(pattern: String) {
        self.pattern = pattern
        let body = pattern.dropLast()
        let isPrefixPattern = pattern.hasSuffix("*") && !body.contains(where: { "*?[]\\".contains($0) })
        prefix = isPrefixPattern ? String(body) : ""
    }

    public func name(of key: RedisKey) -> String {
        let text = key.text
        guard !prefix.isEmpty, text.hasPrefix(prefix), text.count > prefix.count else { return text }
        return String(text.dropFirst(prefix.count))
    }

    /// Keys a typed name may refer to, most likely first: `prefix+name`, then the name as a key.
    public func candidateKeys(for name: String) -> [RedisKey] {
        if prefix.isEmpty { return [RedisKey(name)] }
        return name.hasPrefix(prefix) ? [RedisKey(prefix + name), RedisKey(name)] : [RedisKey(prefix + name)]
    }
}
