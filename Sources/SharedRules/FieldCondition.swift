/// `FIELD=VALUE`: an exact match on one hash field, as people type it to filter sessions —
/// `sessions list --where authType=sso-corp`, or `/authType=sso-corp` in the Sessions pane.
///
/// One parser for both sides of the wall between the data layer and the UI core (which must
/// not import each other), so the dashboard's local filtering and the poller's server-side
/// listing can never read the same text differently. A plain value.
public struct FieldCondition: Hashable, Sendable {
    public let field: String
    public let value: String

    public init(field: String, value: String) {
        self.field = field
        self.value = value
    }

    /// Splits at the first `=`; nil when there is none or the field part is empty (the text is
    /// then a plain search, not a condition). The value may be empty or contain `=`.
    public init?(parsing text: String) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { return nil }
        field = String(text[..<equals])
        value = String(text[text.index(after: equals)...])
    }
}
