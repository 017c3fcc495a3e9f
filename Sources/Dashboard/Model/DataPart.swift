/// One part of what the poller reads, each degrading on its own when the server's ACL refuses
/// it: what is denied is shown in its place ("not permitted (ACL): needs +info"), the rest keeps
/// working. A plain value.
public enum DataPart: String, Hashable, Sendable, CaseIterable {
    /// `INFO server` (the version in the status bar).
    case server
    case toggles
    /// The flip audit trail (the toggles' "last change" column).
    case audit
    case sessions
    /// Which search module the server runs (`MODULE LIST`, else `COMMAND INFO`).
    case searchModule
    /// The error database (the overview, searches).
    case errors
    case logs

    /// The parts whose denial a pane shows in its title.
    public static func shown(in pane: Pane) -> [DataPart] { pane.behavior.dataParts }

    /// What the screen says in place of a denied part, e.g. "not permitted (ACL): needs +info".
    public static func notPermitted(_ hint: String) -> String { "not permitted (ACL): \(hint)" }
}
