import Foundation
import RedisClient

extension IncidentReport {
    /// A toggle the report names (flipped, observed, or throwing), as it is when the report is
    /// made: the first question after "what changed" is "and what is it now?" (issue 24).
    public struct ToggleNow: Sendable, Codable, Hashable {
        public var name: String
        /// The raw `toggle` field; nil when the toggle is gone.
        public var value: String?
        /// `on`, `off`, `unknown` (a value that is neither), or `gone`.
        public var state: String

        enum CodingKeys: String, CodingKey, CaseIterable { case name, value, state }

        public func encode(to encoder: any Encoder) throws {
            try encoder.encodeEveryKey(CodingKeys.self) { jsonKey in
                switch jsonKey {
                case .name: name
                case .value: value
                case .state: state
                }
            }
        }
    }

    /// The current state of each of `names` (deduplicated, in order). A toggle that no longer
    /// exists is `gone`; one that cannot be read is said in `notes`, not guessed.
    static func current(_ env: OpsEnvironment, names: [String], notes: inout [String]) -> [ToggleNow] {
        var seen = Set<String>()
        var out: [ToggleNow] = []
        for name in names where seen.insert(name).inserted {
            do {
                let toggle = try ToggleStore.get(env, name: name)
                out.append(ToggleNow(name: name, value: toggle.value.raw, state: toggle.state.rawValue))
            } catch {
                switch error {
                case .notFound, .unknownName:
                    out.append(ToggleNow(name: name, value: nil, state: "gone"))
                default:
                    notes.append("toggle \(name) not read: \(error.description)")
                }
            }
        }
        return out
    }

    /// Log lines with the same source, severity and message collapsed into the first one shown
    /// (the newest), with how many there were and when the oldest was: a line repeated 25
    /// times is one line `×25`, so the other lines are not pushed out of the reader's view.
    static func collapsed(_ lines: [LogLine]) -> [LogLine] {
        struct Identity: Hashable { var source, severity, message: String }
        var out: [LogLine] = []
        var at: [Identity: Int] = [:]
        for line in lines {
            let identity = Identity(source: line.source, severity: line.severity, message: line.message)
            guard let index = at[identity] else {
                at[identity] = out.count
                out.append(line)
                continue
            }
            out[index].repeats += 1
            if let time = line.time, time < out[index].firstTime ?? out[index].time ?? time {
                out[index].firstTime = time
            }
        }
        return out
    }
}
