/// One row of the log tail: a line, or a marker where entries may have been lost between two
/// polls (a list outgrew its cap before we read it). A plain value.
public enum TailEntry: Hashable, Sendable {
    case line(LogLine)
    case lost(count: Int, estimate: Bool)
}
