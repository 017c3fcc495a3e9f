import Foundation

/// One pane's share of a poll: made by that pane's feed on the poller's queue, carried in
/// `DashboardSnapshot.parts`, and taken into the pane's state on the main queue by the pane's
/// own `apply`. A nil field means "not read this poll, keep what you have". `init()` is the
/// empty part (nothing read), which a feed does not send.
public protocol PanePart: Hashable, Sendable {
    /// The pane this part feeds.
    static var pane: Pane { get }
    init()
    /// Takes the part into `state` (its pane's state, `at` the poll's time) and says what is
    /// worth telling: notices for the status line and whether an off-screen tab gets a mark.
    func apply(to state: inout AppState, at: Date) -> PartOutcome
    /// Whether applying it to `state` would leave every shown text as it is (besides the ages
    /// the frame gate compares itself): such a poll draws no frame (issue 28, `FrameGate`).
    func changesNothingShown(in state: AppState) -> Bool
}

extension PanePart {
    /// An empty part changes nothing; any other may (a pane that knows better says so).
    public func changesNothingShown(in state: AppState) -> Bool { self == Self() }
}

/// What applying one part found worth telling. A plain value.
public struct PartOutcome: Hashable, Sendable {
    /// Notices for the status line ("x flipped elsewhere: now on"), already safe text.
    public var notes: [String] = []
    /// Something arrived that deserves a look: the pane's tab is marked while it is off screen.
    public var worthALook = false

    public init(notes: [String] = [], worthALook: Bool = false) {
        self.notes = notes
        self.worthALook = worthALook
    }
}

/// A `PanePart` of any pane, so one snapshot carries each pane's typed part without a field
/// per pane. Equality and hashing are the part's own.
public struct AnyPanePart: Hashable, Sendable {
    public let base: any PanePart

    public init(_ base: any PanePart) { self.base = base }

    public static func == (lhs: AnyPanePart, rhs: AnyPanePart) -> Bool { AnyHashable(lhs.base) == AnyHashable(rhs.base) }

    public func hash(into hasher: inout Hasher) { AnyHashable(base).hash(into: &hasher) }
}
