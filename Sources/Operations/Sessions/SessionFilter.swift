import SharedRules

/// `FIELD=VALUE` conditions on sessions; all must hold (exact match, case-sensitive).
/// A `Sendable` value.
public struct SessionFilter: Sendable, Hashable {
    public let conditions: [SessionField]

    public init(conditions: [SessionField] = []) { self.conditions = conditions }

    /// Parses `--where` arguments such as `authType=fb-user`; the value may be empty
    /// (`phone=`), the field may not, and the first `=` separates them.
    public init(parsing expressions: [String]) throws(OperationsError) {
        var conditions: [SessionField] = []
        for expression in expressions {
            guard let condition = FieldCondition(parsing: expression) else {
                throw .invalidInput("cannot use `\(expression)` as a filter: write FIELD=VALUE, e.g. --where authType=fb-user")
            }
            conditions.append(SessionField(name: condition.field, value: condition.value))
        }
        self.conditions = conditions
    }

    /// What the dashboard's filter field holds: a `FIELD=VALUE` condition filters on the
    /// server over the whole keyspace; any other text filters only the rows shown (no condition).
    public init(typed text: String) {
        if let condition = FieldCondition(parsing: text) {
            conditions = [SessionField(name: condition.field, value: condition.value)]
        } else {
            conditions = []
        }
    }

    public var isEmpty: Bool { conditions.isEmpty }

    public func matches(_ session: Session) -> Bool {
        conditions.allSatisfy { session.value(of: $0.name) == $0.value }
    }
}
