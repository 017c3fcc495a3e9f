import RedisClient

/// Failures of an operation on the data model, each with a message that says what to do next.
/// The command line maps each case to a documented exit code; the dashboard shows the message.
public enum OperationsError: Error, Sendable, CustomStringConvertible {
    /// The connection or a Redis command failed.
    case redis(RedisError)
    /// A write was refused because this context is read-only.
    case readOnly(action: String)
    /// The compare-and-set found another value than expected: nothing was written.
    case conflict(toggle: String, expected: String, current: String)
    /// The key does not exist, or is not what the command needs.
    case notFound(what: String)
    /// A name the user typed (toggle, log source…) names nothing that exists; `suggestion` is
    /// the closest existing name (`Suggestion`), `advice` what to do next.
    case unknownName(kind: String, name: String, suggestion: String?, advice: String)
    /// The user's input cannot be used (with why and an example of what works).
    case invalidInput(String)
    /// Redis holds data in a shape opsdeck cannot use (wrong type, unparsable value).
    case badData(String)
    /// A deploy gate counted more than allowed.
    case gateExceeded(count: Int, max: Int, what: String)
    /// A write's reply was lost and the server stayed unreachable for the whole deadline:
    /// whether it was applied is unknown. `check` is the command that tells.
    case outcomeUnknown(action: String, cause: String, check: String)

    public var description: String {
        switch self {
        case .redis(let error):
            return error.description
        case .readOnly(let action):
            return "refused to \(action): this context is read-only (--read-only or `read-only: true` in the config). "
                + "Use a context that allows writes."
        case .conflict(let toggle, let expected, let current):
            // `--expect` takes a state (on/off), not a stored spelling: suggest what it accepts.
            let retry: String
            switch ToggleValue(current).state {
            case .on: retry = "retry with --expect on if the change still makes sense"
            case .off: retry = "retry with --expect off if the change still makes sense"
            case .unknown: retry = "its value is neither on nor off; retry without --expect to overwrite it"
            }
            return "not changed: \(toggle) is `\(current)`, not \(expected) as expected — someone changed it meanwhile. "
                + "Check `opsdeck toggles history \(toggle)`, then \(retry)."
        case .notFound(let what):
            return "\(what) was not found."
        case .unknownName(let kind, let name, let suggestion, let advice):
            return "no \(kind) named `\(name)`" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "") + ". \(advice)"
        case .invalidInput(let message):
            return message
        case .badData(let message):
            return message
        case .gateExceeded(let count, let max, let what):
            return "gate exceeded: \(count) \(what), more than the allowed \(max)."
        case .outcomeUnknown(let action, let cause, let check):
            return "unknown whether the server applied this: the reply to \(action) was lost (\(RedisError.clause(cause))) "
                + "and the server could not be reached again before the deadline. \(check)"
        }
    }
}

extension OperationsError {
    /// Wraps a Redis failure, keeping an operations error as it is.
    public static func wrap(_ error: any Error) -> OperationsError {
        if let error = error as? OperationsError { return error }
        if let error = error as? RedisError { return .redis(error) }
        return .badData(String(describing: error))
    }
}
