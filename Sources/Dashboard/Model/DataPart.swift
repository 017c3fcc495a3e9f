/// One part of what the poller reads, each degrading on its own when the server's ACL refuses
/// it: what is denied is shown in its place ("not permitted (ACL): needs +info"), the rest keeps
/// working. A plain value; open, so a pane declares its own parts in its folder
/// (`extension DataPart { static let ... }`) and shows them through `PaneBehavior.dataParts`.
public struct DataPart: RawRepresentable, Hashable, Sendable {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// `INFO server` (the version in the status bar).
    public static let server = DataPart(rawValue: "server")
    public static let toggles = DataPart(rawValue: "toggles")
    /// The flip audit trail (the toggles' "last change" column).
    public static let audit = DataPart(rawValue: "audit")
    public static let sessions = DataPart(rawValue: "sessions")
    /// Which search module the server runs (`MODULE LIST`, else `COMMAND INFO`).
    public static let searchModule = DataPart(rawValue: "searchModule")
    /// The error database (the overview, searches).
    public static let errors = DataPart(rawValue: "errors")
    public static let logs = DataPart(rawValue: "logs")

    /// The parts whose denial a pane shows in its title.
    public static func shown(in pane: Pane) -> [DataPart] { pane.behavior.dataParts }

    /// What the screen says in place of a denied part, e.g. "not permitted (ACL): needs +info".
    public static func notPermitted(_ hint: String) -> String { "not permitted (ACL): \(hint)" }
}
