import Foundation

extension Encoder {
    /// The one JSON rule for everything opsdeck prints or stores: every key present, `null` when
    /// absent. Pipelines read these documents with `jq`, and a key that comes and goes with the
    /// data breaks them. Synthesized `Encodable` drops nil keys (`encodeIfPresent`), so every
    /// printed type writes its `encode(to:)` as one call to this, with `value` a `switch` over its
    /// keys: the compiler then refuses a type that forgets one, and nil is written as `null` here.
    /// `EveryKeyEncodingTests` checks that each printed type keeps every key when its values are nil.
    public func encodeEveryKey<Key: CodingKey & CaseIterable>(
        _: Key.Type, _ value: (Key) -> (any Encodable)?
    ) throws {
        var container = container(keyedBy: Key.self)
        for key in Key.allCases {
            if let present = value(key) {
                try container.encode(present, forKey: key)
            } else {
                try container.encodeNil(forKey: key)
            }
        }
    }
}
