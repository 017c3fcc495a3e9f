import Dashboard
import Foundation
import Operations
import RedisClient

/// Reads everything the toggle detail shows, on the poller's queue (called from `EffectRunner`
/// with the poller's connection): the toggle, how many sessions get it now, its audit trail and
/// its recent errors. A part that cannot be read (no error index, a refused FT.SEARCH) is said in
/// its place; a toggle that cannot be read fails the whole detail with the reason. Stateless.
public enum ToggleDetailLoader {
    public static func load(_ env: OpsEnvironment, name: String, module: SearchModule?, at now: Date) -> ToggleDetailState {
        do {
            let toggle = try ToggleStore.get(env, name: name)
            let reach = try SessionStore.blastRadius(env, toggle: toggle)
            let history = try AuditStore.history(env, toggle: toggle.name, limit: 20)
            var detail = ToggleDetail(
                name: toggle.name, key: toggle.key.text,
                fields: toggle.fields.sorted { $0.key < $1.key }.map { FieldRow(name: $0.key, value: $0.value) },
                rule: rule(toggle), reached: reach.reached, totalSessions: reach.total,
                history: history.compactMap(AuditSummary.init), outsideChange: outsideChange(toggle, history),
                errorCount: nil, recentErrors: [], errorsNote: nil, fetchedAt: now)
            detail.undecided = toggle.state == .unknown
            detail.take(errors(env, toggle: toggle.name, module: module))
            return .loaded(detail)
        } catch {
            return .failed(name: name, error: OperationsError.wrap(error).description)
        }
    }

    /// The feature rule for this toggle, in words.
    static func rule(_ toggle: Toggle) -> String {
        switch toggle.state {
        case .unknown: return "the value `\(toggle.value.raw)` is neither on nor off: no session gets a decision"
        case .off:
            return "OFF for everyone"
                + (toggle.audiences.isEmpty
                    ? ""
                    : " (when ON: only authType = "
                        + toggle.audiences.joined(separator: ", ") + ")")
        case .on where toggle.audiences.isEmpty: return "ON for everyone (no override)"
        case .on: return "ON only for sessions with authType = " + toggle.audiences.joined(separator: ", ")
        }
    }

    /// The stored value differs from what the newest audited flip wrote: changed outside opsdeck.
    static func outsideChange(_ toggle: Toggle, _ history: [AuditEntry]) -> String? {
        guard let newest = history.first(where: \.isValid), newest.new != toggle.value.raw else { return nil }
        return "changed outside opsdeck: the value is now `\(toggle.value.raw)`, the last flip recorded by opsdeck "
            + "wrote `\(newest.new)`"
    }

    /// The toggle's errors: how many are recorded, and its newest page.
    public static func errors(_ env: OpsEnvironment, toggle: String, module: SearchModule?) -> ToggleDetailErrors {
        let store = ErrorStore(module: module)
        do {
            let count = try store.count(env, toggle: toggle)
            let words = ErrorTokenizer.words(toggle)
            guard !words.isEmpty, count > 0 else { return ToggleDetailErrors(count: count, recent: [], note: nil) }
            let query = ErrorQuery(
                text: "",
                clauses: [
                    .init(
                        field: .toggleName,
                        term: words.count == 1
                            ? .word(words[0], prefix: false) : .phrase(words))
                ])
            let found = try store.search(env, query: query, limit: 50)
            let recent = found.records.filter { $0.toggleName.lowercased() == toggle.lowercased() }
                .map(ErrorRow.init).sorted { ($0.time ?? .distantPast) > ($1.time ?? .distantPast) }
            return ToggleDetailErrors(count: count, recent: recent, note: nil)
        } catch {
            return ToggleDetailErrors(count: nil, recent: [], note: "errors not available: " + error.description)
        }
    }
}
