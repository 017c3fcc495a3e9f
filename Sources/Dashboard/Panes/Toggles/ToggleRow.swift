/// One feature toggle as the Toggles pane shows it. A plain value, built by the executable from
/// the data layer's model so this module never depends on it.
public struct ToggleRow: Hashable, Sendable {
    /// The Redis key (the toggle's name).
    public var name: String
    /// The `toggle` field exactly as stored (`True`, `on`, `1`, or anything else).
    public var rawValue: String
    public var status: ToggleStatus
    public var releaseNum: String?
    public var fingerprint: String?
    public var override: String?
    public var lastChange: AuditSummary?
    /// Exactly what a flip will write (the data layer's `ToggleValue.spelled`, in the toggle's
    /// own spelling): the dialog shows this, so it cannot show one value and write another.
    /// Nil when the value cannot be read (no flip).
    public var flipTarget: String?
    /// The guarded flip watching this toggle, when one runs, just ended or was lost.
    public var guardBadge: GuardBadge?
    /// The value reads as on or off but is not exactly a canonical spelling (`" True"`): the
    /// State column shows its raw text, quoted and escaped, beside the state (issue 24).
    public var oddSpelling = false

    public init(
        name: String, rawValue: String, status: ToggleStatus, releaseNum: String? = nil,
        fingerprint: String? = nil, override: String? = nil, lastChange: AuditSummary? = nil,
        flipTarget: String? = nil
    ) {
        self.name = name
        self.rawValue = rawValue
        self.status = status
        self.releaseNum = releaseNum
        self.fingerprint = fingerprint
        self.override = override
        self.lastChange = lastChange
        self.flipTarget = flipTarget
    }
}

extension ToggleRow {
    /// `ON`, `OFF`, or `?` and the stored value we cannot read (cut to 8 columns): one spelling
    /// for the table and the notices.

    public var stateText: String {
        if oddSpelling && status != .unknown {
            return (status == .on ? "ON" : "OFF") + " \"" + SafeText.line(rawValue, width: 10) + "\""
        }
        switch status {
        case .on: return "ON"
        case .off: return "OFF"
        case .unknown:
            // An empty or space-padded value would be invisible: quoted, it shows as what it is.
            let padded = rawValue.isEmpty || rawValue.first?.isWhitespace == true || rawValue.last?.isWhitespace == true
            return "?" + (padded ? "\"" + SafeText.line(rawValue, width: 8) + "\"" : SafeText.line(rawValue, width: 8))
        }
    }
}
