/// What the Toggles feed does with a change it saw that no opsdeck flip explains (issue 24):
/// record it in the audit trail under `observer`, or, in a read-only dashboard, keep it in
/// memory only, labelled as not recorded. A value; set once when the pollers are made.
public struct ObservationPolicy: Sendable, Hashable {
    /// The opsdeck that saw it (`--as`, or `user@host`), written as the entry's `seen_by`.
    public var observer: String
    /// False in `--read-only`: nothing is written.
    public var records: Bool

    public init(observer: String, records: Bool) {
        self.observer = observer
        self.records = records
    }

    /// Keeps observations in memory: the default, so nothing writes unless asked to.
    public static let memoryOnly = ObservationPolicy(observer: "this dashboard", records: false)
}
