import ArgumentParser
import Operations
import RedisClient

/// The documented exit codes (docs/scripting.md, "Exit codes"). Pipelines branch on these, so they never change.
enum ExitStatus: Int32, CaseIterable {
    case success = 0
    case failure = 1
    case conflict = 3
    case readOnly = 4
    case gateExceeded = 5
    case notFound = 6
    /// A write's outcome is unknown: its reply was lost and the server stayed unreachable.
    case outcomeUnknown = 7
    /// A guarded flip's rule broke and the toggle went back (`toggles set --guard`).
    case guardReverted = 8
    /// A guarded flip was ended by SIGINT/SIGTERM before its time ran out.
    case guardInterrupted = 9
    /// A guarded flip was cancelled from a dashboard (`GuardStore.cancel`); the flip stands.
    case guardCancelled = 10
    case usage = 64
    case unavailable = 69

    /// The exit code an error stands for.
    static func of(_ error: any Error) -> ExitStatus {
        switch error {
        case let error as OperationsError:
            switch error {
            case .redis(let redis): return of(redis)
            case .readOnly: return .readOnly
            case .conflict: return .conflict
            case .gateExceeded: return .gateExceeded
            case .notFound, .unknownName: return .notFound
            case .invalidInput: return .usage
            case .badData: return .failure
            case .outcomeUnknown: return .outcomeUnknown
            }
        case let error as RedisError:
            switch error {
            case .connectionRefused, .timeout, .connectionLost, .reconnecting, .tls, .authFailed, .noAuth: return .unavailable
            case .invalidEndpoint: return .usage
            default: return .failure
            }
        default:
            return .failure
        }
    }
}

/// An error already reported on stderr; `Opsdeck.main` exits with its status and prints nothing more.
struct ReportedFailure: Error {
    let status: ExitStatus
}
