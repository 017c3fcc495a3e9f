/// The flip confirmation dialog. A plain value owned by `AppState`; `update` edits it.
///
/// It remembers the raw value the screen showed when it opened (`oldRaw`): the flip is a
/// compare-and-set against exactly that, so a change nobody has seen is never overwritten.
public struct FlipDialog: Hashable, Sendable {
    /// Which text field has the keys. With `.none`, `y` confirms.
    public enum Field: Hashable, Sendable { case none, reason, confirmName, guardRule, guardFor }

    public enum Phase: Hashable, Sendable {
        case asking
        /// The flip effect is out.
        case writing
        /// Someone changed the toggle meanwhile: nothing was written.
        case conflict(current: String, lastChange: AuditSummary?)
        case failed(String)
    }

    public var toggle: String
    public var oldRaw: String
    public var newRaw: String
    /// True when the flip turns the toggle on.
    public var turnsOn: Bool
    /// Sessions that get the toggle after the flip (turning on) or lose it (turning off), of all
    /// sessions; nil while counting.
    public var reached: Int?
    public var total: Int?
    /// Who the toggle is for once on, in words ("authType = email-user").
    public var rule: String?
    /// Why the count failed, when it did.
    public var radiusError: String?
    public var reason = TextInput(maxLength: 200)
    /// Present in a production context: the toggle name must be typed here before `y` works.
    public var confirmName: TextInput?
    public var field: Field
    public var phase: Phase = .asking
    /// Why a confirm was refused (e.g. the name does not match yet).
    public var notice: String?
    /// True when this dialog confirms cancelling the toggle's guard instead of a flip
    /// (`AppState.startGuardCancel`): same reason and production gates, nothing flips.
    public var cancelsGuard = false
    /// The rule of the guard this flip starts (`g` adds one, with the config's defaults); nil:
    /// a plain flip. The dashboard runs the guard while it is open (docs/guarded-flips.md).
    public var guardRule: TextInput?
    /// How long that guard watches (`15m`).
    public var guardFor = TextInput(maxLength: 12)
    public var guarded: Bool { guardRule != nil }

    public init(toggle: String, oldRaw: String, newRaw: String, turnsOn: Bool, production: Bool) {
        self.toggle = toggle
        self.oldRaw = oldRaw
        self.newRaw = newRaw
        self.turnsOn = turnsOn
        self.confirmName = production ? TextInput(maxLength: 300) : nil
        // In production the name must be typed anyway, so start there.
        self.field = production ? .confirmName : .none
    }

    /// True when a confirm may go ahead (the typed name matches in production).
    public var nameConfirmed: Bool { confirmName.map { $0.text == toggle } ?? true }

    /// Adds a guard with the proposed rule and duration (its rule field gets the keys), or
    /// takes it away again.
    public mutating func toggleGuard(rule: String, duration: String) {
        if guarded {
            guardRule = nil
            field = .none
            return
        }
        guardRule = TextInput(rule, maxLength: 120)
        guardFor = TextInput(duration, maxLength: 12)
        field = .guardRule
    }

    /// Tab order: none → reason → name (production) → guard rule → duration (guarded) → none.
    public mutating func nextField() {
        let order: [Field] =
            [.none, .reason] + (confirmName == nil ? [] : [.confirmName]) + (guarded ? [.guardRule, .guardFor] : [])
        let index = order.firstIndex(of: field) ?? 0
        field = order[(index + 1) % order.count]
    }
}
