/// How far the first walk over a big error index has come: every error figure on screen covers
/// only the newest `read` of `of` records until it is done (issue 23: first figures within
/// seconds on 1,000,000 records, labelled instead of waiting for every id). A plain value.
public struct ErrorCounting: Sendable, Hashable {
    public var read: Int
    public var of: Int

    public init(read: Int, of: Int) {
        self.read = read
        self.of = of
    }

    /// `counting… 20,000 of 1,000,000 read`, beside every figure that is not exact yet.
    public var label: String { "counting… \(Formatting.count(read)) of \(Formatting.count(of)) read" }
}
