import Spelling

/// A kind of data opsdeck reads, each of which may live in a database of its own (a context's
/// `endpoints:`, `--endpoint KIND=URL`). The toggles' endpoint also holds their audit trail: a
/// flip writes both in one script, so they can never be split. A plain value; thread-safe.
public enum DataKind: String, CaseIterable, Sendable, Hashable, Comparable, Codable {
    case toggles
    case sessions
    case errors
    case logs

    /// The kind called `name`, or a message with the closest kind (`sesions` → `sessions`).
    public static func named(_ name: String) throws(OperationsError) -> DataKind {
        if let kind = DataKind(rawValue: name.lowercased()) { return kind }
        let names = allCases.map(\.rawValue)
        let hint = Suggestion.didYouMean(name, among: names) ?? "known: \(names.joined(separator: ", "))"
        throw .invalidInput("unknown kind of data '\(name)' (\(hint))")
    }

    public static func < (lhs: DataKind, rhs: DataKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
