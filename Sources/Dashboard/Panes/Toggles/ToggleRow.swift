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

    public init(name: String, rawValue: String, status: ToggleStatus, releaseNum: String? = nil,
                fingerprint: String? = nil, override: String? = nil, lastChange: AuditSummary? = nil) {
        self.name = name
        self.rawValue = rawValue
        self.status = status
        self.releaseNum = releaseNum
        self.fingerprint = fingerprint
        self.override = override
        self.lastChange = lastChange
    }

    /// The raw value a flip writes, keeping the spelling already in use (`True` → `False`,
    /// `on` → `off`, `1` → `0`...). Only for display: the data layer does the real write.
    public var flippedRaw: String? {
        let pairs: [(String, String)] = [("true", "false"), ("1", "0"), ("on", "off"), ("yes", "no"),
                                         ("enabled", "disabled")]
        let lower = rawValue.lowercased()
        for (on, off) in pairs {
            let target: String
            if lower == on { target = off } else if lower == off { target = on } else { continue }
            // Keep the case pattern: TRUE → FALSE, True → False, true → false.
            if rawValue == rawValue.uppercased() && rawValue != rawValue.lowercased() { return target.uppercased() }
            if let first = rawValue.first, first.isUppercase { return target.prefix(1).uppercased() + target.dropFirst() }
            return target
        }
        return nil
    }
}
