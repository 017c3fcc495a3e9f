/// The most one reply may hold before the client gives up on it: what bounds the memory a
/// server (or anything pretending to be one) can make opsdeck spend. A length the server
/// announces is checked against these limits before any byte of the body is awaited, so a
/// 14-byte `*2147483647` costs nothing. See docs/RELIABILITY.md.
///
/// A value type; thread-safe.
public struct ReplyLimits: Sendable, Hashable {
    /// Bytes of one reply on the wire, all of its elements together. Redis' own
    /// `proto-max-bulk-len` (512 MB) bounds one string of a request; opsdeck reads toggles,
    /// sessions, log lines and error records, so a smaller cap for a whole reply is ample and
    /// keeps a runaway reply well inside the memory budget.
    public var maxReplyBytes: Int
    /// Elements (every string, integer, nil and array counts as one) of one reply. Each costs
    /// about 32 bytes once parsed, whatever its size on the wire.
    public var maxElements: Int
    /// Arrays inside arrays. Redis' deepest replies (COMMAND, FT.AGGREGATE) nest about 4 deep.
    public var maxDepth: Int

    public init(maxReplyBytes: Int = 64 << 20, maxElements: Int = 1 << 20, maxDepth: Int = 16) {
        self.maxReplyBytes = maxReplyBytes
        self.maxElements = maxElements
        self.maxDepth = maxDepth
    }
}
