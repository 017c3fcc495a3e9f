/// A number of keys as far as a walk over them has got: exact once the walk completed (or the
/// listing was whole), otherwise a lower bound, with the server's whole key count (`DBSIZE`) as a
/// cheap upper bound when it was read. A plain `Sendable` value made on the poller's queue and
/// shown on the main queue.
///
/// The one rule for showing counts (docs/DECISIONS.md, "Counts are never smaller than the truth
/// without saying so"): a partial count is never shown as a plain number.
public struct KeyCount: Hashable, Sendable {
    /// Exact when `isPartial` is false; at least this many otherwise.
    public var value: Int
    /// The walk that counts has not finished (or a listing stopped at its limit).
    public var isPartial: Bool
    /// At most this many (all keys of the database, whatever their pattern); nil when unknown.
    public var upperBound: Int?
    /// A walk is under way (`counting…`), rather than a listing that stopped at its limit (`500+`).
    public var isCounting: Bool

    public static func exact(_ value: Int) -> KeyCount {
        KeyCount(value: value, isPartial: false, upperBound: nil, isCounting: false)
    }

    /// A walk under way that has found `atLeast` so far, among at most `ofAtMost` keys.
    public static func counting(atLeast: Int, ofAtMost: Int? = nil) -> KeyCount {
        KeyCount(value: atLeast, isPartial: true, upperBound: ofAtMost, isCounting: true)
    }

    /// A listing that stopped at `limit`: there may be more.
    public static func atLeast(_ limit: Int) -> KeyCount {
        KeyCount(value: limit, isPartial: true, upperBound: nil, isCounting: false)
    }

    /// `1,000,000`; `500+`; `≥ 120,000 (≤ 1,100,000 keys) · counting…`.
    public var label: String {
        guard isPartial else { return Formatting.count(value) }
        guard isCounting else { return Formatting.count(value) + "+" }
        var text = "≥ " + Formatting.count(value)
        if let upperBound, upperBound > value { text += " (≤ " + Formatting.count(upperBound) + " keys)" }
        return text + " · counting…"
    }
}
